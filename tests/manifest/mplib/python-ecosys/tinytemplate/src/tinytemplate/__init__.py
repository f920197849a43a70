from tinytemplate.render import render
