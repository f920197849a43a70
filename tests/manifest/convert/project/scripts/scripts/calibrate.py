print("calibrate")
