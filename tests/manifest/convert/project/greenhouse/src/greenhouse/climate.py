def too_hot(celsius):
    return celsius > 30
