from . import
from x import a,
import
