def split(url):
    return url.split("/")
