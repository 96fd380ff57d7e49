import Dialplan
