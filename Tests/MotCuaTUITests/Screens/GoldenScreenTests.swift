import Foundation
import Testing
import MotCuaCore
@testable import MotCuaTUI

/// Whole 80×24 screens compared with the dumps kept in `Tests/Golden/*.screen` (tig's
/// screen-dump tests). The clock is pinned (Wed 25/11/2026 09:00), so the dumps are stable.
/// After an intended change, regenerate them with
/// `MOTCUA_UPDATE_GOLDEN=1 swift test --filter GoldenScreenTests` and review the diff.
@Suite("Golden screens", .serialized)
struct GoldenScreenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Golden")

    /// Compares (or, with MOTCUA_UPDATE_GOLDEN=1, writes) one screen: its text, then a line of
    /// style markers per row that has any (`CellGrid.styleDump`), so a lost highlight shows too.
    func check(_ name: String, _ f: ScreenFixture) throws { try check(name, grid: f.grid) }

    func check(_ name: String, grid: CellGrid) throws {
        let styles = grid.styleDump().enumerated().filter { !$0.element.isEmpty }.map { String(format: "%02d|", $0.offset) + $0.element }
        let text = (grid.dump() + ["--- styles (row|markers) ---"] + styles).joined(separator: "\n") + "\n"
        let url = Self.folder.appendingPathComponent("\(name).screen")
        if ProcessInfo.processInfo.environment["MOTCUA_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? "(missing: \(url.path))"
        let diff = zip(expected.split(separator: "\n", omittingEmptySubsequences: false),
                       text.split(separator: "\n", omittingEmptySubsequences: false))
            .enumerated().filter { $0.element.0 != $0.element.1 }
            .prefix(6).map { "line \($0.offset + 1):\n  expected: \($0.element.0)\n  actual:   \($0.element.1)" }
        #expect(expected == text, """
            screen '\(name)' differs from Tests/Golden/\(name).screen
            \(diff.joined(separator: "\n"))
            If the change is intended, regenerate with: MOTCUA_UPDATE_GOLDEN=1 swift test --filter GoldenScreenTests
            """)
    }

    @Test func queue() throws {
        let f = try ScreenFixture()
        _ = try f.db.addWalkIn(WalkInRequest(name: "Trần Thị Bích Ngọc", priority: "elderly"), now: ScreenFixture.at(25, 8, 50), actor: f.clerk)
        _ = try f.db.addWalkIn(WalkInRequest(name: "Lê Văn Cường", procedureCode: f.sameDay.code), now: ScreenFixture.at(25, 8, 55), actor: f.clerk)
        f.app.refresh()
        try f.keys("F5")
        try check("queue", f)
    }

    @Test func walkInForm() throws {
        let f = try ScreenFixture()
        try f.keys("F2")
        f.type("Nguyeenx Vawn An")
        try check("walkin-form", f)
    }

    @Test func walkInResult() throws {
        let f = try ScreenFixture()
        try f.keys("F2")
        f.type("Nguyeenx Vawn An")
        try f.keys("Enter")
        try check("walkin-result", f)
    }

    @Test func receiveForm() throws {
        let f = try ScreenFixture()
        try f.keys("F5 F4")
        f.type("ks")
        try check("receive-form", f)
    }

    @Test func register() throws {
        let f = try ScreenFixture()
        try f.keys("M-3")
        try check("register", f)
    }

    @Test func detail() throws {
        let f = try ScreenFixture()
        try f.keys("M-3 Enter")
        try check("detail", f)
    }

    @Test func help() throws {
        let f = try ScreenFixture()
        try f.keys("F1")
        try check("help-queue", f)
    }

    /// Issue 10: the reports view (`M-5`), this month with the fixture's dossiers and walk-in.
    @Test func reports() throws {
        let f = try ScreenFixture()
        try f.keys("M-5")
        try check("reports", f)
    }

    @Test func helpInForm() throws {
        let f = try ScreenFixture()
        try f.keys("F2 F1")
        try check("help-form", f)
    }
}
