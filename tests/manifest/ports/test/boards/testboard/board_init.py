BOARD = "testboard"
