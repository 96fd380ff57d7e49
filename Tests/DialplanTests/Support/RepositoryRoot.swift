import Foundation

/// The repository root (the folder with `Prompts/`), found from this file, through staging symlinks too.
enum RepositoryRoot {
    static let url: URL? = {
        for start in [URL(fileURLWithPath: #filePath).resolvingSymlinksInPath(), URL(fileURLWithPath: #filePath)] {
            var url = start.deletingLastPathComponent()
            while url.path != "/" {
                if FileManager.default.fileExists(atPath: url.appendingPathComponent("Prompts/README.md").path) {
                    return url
                }
                url.deleteLastPathComponent()
            }
        }
        return nil
    }()
}
