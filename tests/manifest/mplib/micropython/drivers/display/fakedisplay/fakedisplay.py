import framebuf2


class Display(framebuf2.FrameBuffer):
    def show(self):
        for row in self.rows():
            print(row)
