import templates
