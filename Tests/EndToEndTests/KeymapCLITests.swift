import Foundation
import Testing

@Suite struct KeymapCLITests {
    @Test func keysListsTheBindingsInForce() throws {
        let r = try MotcuaProcess.run(["keys"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("queue.call-next"))
        #expect(r.stdout.contains("F5"))
        // Only what works: undo and the reports view (issue 10) work now.
        #expect(r.stdout.contains(" undo "))
        #expect(r.stdout.contains("view.appointments") && r.stdout.contains("appointment.book"))
        #expect(r.stdout.contains("dossier.print") && r.stdout.contains("dossier.apologize"))
        // The board's keys (issue 10).
        #expect(r.stdout.split(separator: "\n").contains { $0.hasPrefix("board") && $0.contains("item.open") })
        #expect(r.stdout.contains("view.reports") && r.stdout.contains("calendar.next"))
        let vi = try MotcuaProcess.run(["keys", "--keymap", "vi"])
        #expect(vi.stdout.contains("cursor.down"))
        #expect(vi.stdout.split(separator: "\n").contains { $0.contains(" j ") || $0.hasSuffix(" j") || $0.contains("\tj") || $0.contains("  j  ") })
    }

    @Test func aBadKeymapLineIsReportedWithFileAndLine() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        let file = dir.path + "/mine.keys"
        try Data("include default\nbind queue F5 queue.call-next\nbind queue F13X queue.done\nbind nowhere F2 help\nunbind queue F8\n".utf8)
            .write(to: URL(fileURLWithPath: file))
        let r = try MotcuaProcess.run(["keys", "--keymap", file])
        #expect(r.status != 0)
        #expect(r.stderr.contains("mine.keys:3:"))
        #expect(r.stderr.contains("mine.keys:4:"))
        // The rest still applies: F8 no longer marks a no-show.
        #expect(!r.stdout.split(separator: "\n").contains { $0.contains("queue.no-show") && $0.contains("F8") })
        #expect(r.stdout.contains("queue.call-next"))
    }
}
