match command:
    case 1:
        pass
    case _:
        pass
x = 1
