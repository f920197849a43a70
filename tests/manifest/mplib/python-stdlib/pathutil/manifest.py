metadata(version="0.3.0")

# The whole folder: every .py below pathutil/.
package("pathutil")
