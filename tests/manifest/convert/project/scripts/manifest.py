# Scripts kept as source so they can be edited and re-frozen quickly.
freeze_as_str("scripts")

# Helpers from a folder given on the command line (-v HELPERS_DIR=...).
freeze("$(HELPERS_DIR)")
