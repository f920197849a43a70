require("tomlopts", extras=None)
