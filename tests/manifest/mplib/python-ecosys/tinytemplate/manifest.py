metadata(version="0.6.0")

# The code lives in src/, as in many ecosystem packages.
package("tinytemplate", base_path="src")
