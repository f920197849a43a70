import fnmatcher
import pathutil


def plan(index, pattern, target):
    return [pathutil.join(target, name) for name in fnmatcher.filter(index, pattern)]
