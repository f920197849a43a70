import collectionsx
import jsonlines
import semver


class Store:
    def __init__(self):
        self.data = {}
        self.log = collectionsx.Deque()

    def put(self, key, value):
        self.data[key] = value
        self.log.append(key)

    def dump(self):
        return jsonlines.dumps([[key, self.data[key]] for key in sorted(self.data)])

    def compatible(self, version):
        return not semver.newer(version, "2.0.0")
