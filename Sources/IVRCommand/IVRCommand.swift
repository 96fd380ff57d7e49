public enum IVRCommand {}
