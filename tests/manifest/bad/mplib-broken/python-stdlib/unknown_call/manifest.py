metadata(version="0.1.0")
freeze_everything(".")
