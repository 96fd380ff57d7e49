import Foundation
import IVRCommand

exit(IVRCommand.run(Array(CommandLine.arguments.dropFirst())))
