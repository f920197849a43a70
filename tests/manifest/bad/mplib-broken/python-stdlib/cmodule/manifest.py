c_module("$(MPY_DIR)/examples/usercmodule/cexample")
