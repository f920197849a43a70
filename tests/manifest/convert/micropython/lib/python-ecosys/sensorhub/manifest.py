metadata(
    "Collect readings from several sensors.",
    version="1.0.0",
    pypi="micropython-sensorhub",
    pypi_publish="sensorhub",
)

add_library("stdlib", "../../python-stdlib")
require("pathlike")
require("onewire", version="0.1.1")
package("sensorhub")
