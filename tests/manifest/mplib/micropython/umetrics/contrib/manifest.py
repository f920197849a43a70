module("umetrics_text.py", base_path="..")
