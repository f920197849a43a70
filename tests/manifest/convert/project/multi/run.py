RUN = 1
