from .reading import Reading
