import IVRCommand
