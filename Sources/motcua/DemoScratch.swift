import Foundation

/// The demo's scratch files (`motcua-demo-PID-…` in the temporary folder). A demo killed with
/// SIGKILL cannot remove its own; the next demo removes those whose process is gone.
enum DemoScratch {
    static func removeAbandoned() {
        let folder = FileManager.default.temporaryDirectory.path
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix("motcua-demo-") {
            guard let pid = Int32(name.dropFirst("motcua-demo-".count).prefix { $0.isNumber }) else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: folder + "/" + name)
            }
        }
    }
}
