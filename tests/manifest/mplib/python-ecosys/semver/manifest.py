# semver.py sets __version__ itself, so the metadata version is not added.
metadata(version="3.1.4")
module("semver.py")
