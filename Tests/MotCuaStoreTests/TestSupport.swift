import Foundation
import MotCuaCore
@testable import MotCuaStore

/// A fresh folder per test: storage tests run on real SQLite files, never in memory.
struct TempDir {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "motcua-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> String { path + "/" + name }
}

func at(_ text: String) -> Date {
    guard let l = LocalDateTime(parsing: text) else { fatalError("bad test time \(text)") }
    return VietnamTime.instant(l)
}

let clerk1 = Actor(user: "lan", counter: 1)
