import Foundation
import Testing
import MotCuaCore
@testable import MotCuaTUI

@Suite("Actions and keymaps")
struct KeymapTests {
    @Test("every action in design.md exists, with labels and help lines")
    func actions() {
        let names = """
        help quit undo view.queue view.appointments view.dossiers view.search view.reports input.cycle cursor.up \
        cursor.down page.up page.down cursor.first cursor.last search.start walkin.register queue.call-next \
        queue.recall queue.done queue.no-show queue.transfer appointment.book appointment.check-in \
        appointment.reschedule appointment.cancel appointment.no-show calendar.prev calendar.next calendar.today \
        calendar.week dossier.receive dossier.ready dossier.return dossier.post dossier.deliver-home \
        dossier.supplement dossier.reject dossier.apologize dossier.print form.submit form.cancel field.next field.prev
        """.split(separator: " ").map(String.init)
        // Added by "One rule, one place": back, open a row, the finished toggle, clear a field.
        + ["view.back", "item.open", "queue.show-finished", "field.clear", "filter.prev", "filter.next", "sort.next",
           "queue.bring-back", "walkin.edit", "dossier.resume", "dossier.withdraw"]
        // Added by "Hẹn giờ": the waitlist, the call list, moving by week, jumping to a date.
        + ["appointment.waitlist", "appointment.call-list", "calendar.prev-week", "calendar.next-week", "calendar.goto"]
        // Added by the appointments trial: taking someone off the waitlist at the desk; by issue 9:
        // the results nobody has come for, to phone.
        + ["appointment.waitlist-remove", "dossier.uncollected"]
        // Issue 9 at the desk: sent for processing, and the post's two answers.
        let issue9: [String] = ["dossier.send", "dossier.post-delivered", "dossier.post-returned"]
        // Issue 10: the supervisor's board has an overview to come back to.
        let issue10: [String] = ["view.board"]
        #expect(Set(names + issue9 + issue10) == Set(Action.allCases.map(\.rawValue)))
        for a in Action.allCases {
            #expect(ActionInfo.table[a] != nil, "\(a.rawValue) has no metadata")
            #expect(!a.label.vi.isEmpty && !a.label.en.isEmpty && !a.helpLine.vi.isEmpty)
        }
    }

    @Test("the built-in default keymap parses cleanly and binds function keys")
    func standard() {
        let (map, diags) = Keymap.parse(Keymap.builtInFiles["default"] ?? "", file: "keymaps/default.keys")
        #expect(diags.isEmpty, "\(diags)")
        #expect(map == Keymap.standard)
        #expect(map.action(for: .function(1), in: .queue) == .help)
        #expect(map.action(for: .function(2), in: .queue) == .walkinRegister)
        #expect(map.action(for: .function(5), in: .queue) == .queueCallNext)
        #expect(map.action(for: .function(10), in: .form) == .quit) // global fallback
        #expect(map.action(for: .character("q"), in: .queue) == .quit)
        #expect(map.action(for: .character("q"), in: .form) == nil) // typing in forms
        #expect(map.action(for: .function(4), in: .dossiers) == .dossierReceive) // F4 receives everywhere
    }

    @Test("vi.keys includes default and adds movement")
    func vi() {
        let (map, diags) = Keymap.parse("include vi\n", file: "user.keys")
        #expect(diags.isEmpty, "\(diags)")
        #expect(map.action(for: .character("j"), in: .queue) == .cursorDown)
        #expect(map.action(for: .function(5), in: .queue) == .queueCallNext)
        #expect(map.action(for: .character("j"), in: .form) == nil)
    }

    @Test("bind, override, unbind, comments")
    func bindUnbind() {
        let text = """
        # my keys
        include default
        bind queue F5 queue.recall   # override
        unbind queue q
        bind global  C-q  quit
        bind queue # search.start

        """
        let (map, diags) = Keymap.parse(text, file: "me.keys")
        #expect(diags.isEmpty, "\(diags)")
        #expect(map.action(for: .function(5), in: .queue) == .queueRecall)
        #expect(map.action(for: .character("q"), in: .queue) == nil)
        #expect(map.action(for: .ctrl("q"), in: .queue) == .quit)
        #expect(map.action(for: .character("#"), in: .queue) == .searchStart)
        #expect(map.keys(for: .quit, in: .queue) == [.function(10), .ctrl("q")])
    }

    @Test("bad lines name file:line, and the rest still applies")
    func diagnostics() {
        let text = """
        bind queue F5 queue.cal-next
        bind desk F5 queue.call-next
        bind queue F99 help
        bind queue F5
        frobnicate
        include nowhere
        unbind queue
        bind queue F6 queue.done
        """
        let (map, diags) = Keymap.parse(text, file: "~/.config/motcua/keys")
        #expect(diags.map(\.description) == [
            "~/.config/motcua/keys:1: unknown action 'queue.cal-next'",
            "~/.config/motcua/keys:2: unknown context 'desk' (one of: global, queue, appointments, waitlist, dossiers, search, form, board, reports)",
            "~/.config/motcua/keys:3: invalid key name 'F99'",
            "~/.config/motcua/keys:4: expected: bind <context> <key> <action>",
            "~/.config/motcua/keys:5: unknown command 'frobnicate' (use bind, unbind, include)",
            "~/.config/motcua/keys:6: keymap 'nowhere' not found",
            "~/.config/motcua/keys:7: expected: unbind <context> <key>",
        ])
        #expect(diags[0].text(.vi) == "~/.config/motcua/keys:1: không có lệnh 'queue.cal-next'")
        #expect(map.action(for: .function(6), in: .queue) == .queueDone)
    }

    @Test("includes resolve through the caller and cycles are caught")
    func includes() {
        let files = ["a.keys": "include b\nbind queue x help", "b.keys": "include a\nbind queue y quit"]
        let (map, diags) = Keymap.parse("include a", file: "main.keys", resolve: { name, _ in
            files["\(name).keys"].map { (file: "\(name).keys", text: $0) }
        })
        #expect(map.action(for: .character("x"), in: .queue) == .help)
        #expect(map.action(for: .character("y"), in: .queue) == .quit)
        #expect(diags.map(\.description) == ["b.keys:1: include cycle: 'a'"])
    }

    @Test("describe lists bindings in force, function keys first")
    func describe() {
        let lines = Keymap.standard.describe(language: .en)
        #expect(lines.first?.hasPrefix("global        F1 ") == true)
        #expect(lines.contains { $0.hasPrefix("queue") && $0.contains("F5") && $0.contains("queue.call-next") && $0.contains("Call the next ticket") })
        let queueLines = lines.filter { $0.hasPrefix("queue ") }
        #expect(queueLines.first?.contains("F2") == true)
    }

    @Test("motcua keys lists only what is implemented: reports, appointments and undo are in, the board is not")
    func describeImplemented() {
        let lines = Keymap.standard.describe(language: .en, implemented: DeskApp.implementedActions)
        #expect(lines.contains { $0.hasPrefix("global") && $0.contains("M-5") && $0.contains("view.reports") })
        #expect(lines.contains { $0.hasPrefix("reports") && $0.contains("Left") && $0.contains("calendar.prev") })
        #expect(lines.contains { $0.hasPrefix("global") && $0.contains("M-2") && $0.contains("view.appointments") })
        #expect(lines.contains { $0.hasPrefix("appointments") && $0.contains("F2") && $0.contains("appointment.book") })
        #expect(lines.contains { $0.hasPrefix("appointments") && $0.contains(" g ") && $0.contains("calendar.goto") })
        #expect(lines.contains { $0.hasPrefix("global") && $0.contains("C-z") && $0.contains(" undo ") })
        #expect(lines.contains { $0.hasPrefix("queue") && $0.contains(" b ") && $0.contains("queue.bring-back") })
        #expect(lines.contains { $0.hasPrefix("dossiers") && $0.contains("M-w") && $0.contains("dossier.withdraw") })
        // Issue 10: the board works now: its own keys are listed, and only those it carries out.
        #expect(lines.contains { $0.hasPrefix("board") && $0.contains("Enter") && $0.contains("item.open") })
        #expect(lines.contains { $0.hasPrefix("board") && $0.contains(" q ") && $0.contains("quit") })
        #expect(!lines.contains { $0.hasPrefix("board") && ($0.contains("undo") || $0.contains("input.cycle")) })
        // Issue 9: printing and the apology work at the desk now, so they are listed.
        #expect(lines.contains { $0.hasPrefix("dossiers") && $0.contains("C-p") && $0.contains("dossier.print") })
        #expect(lines.contains { $0.hasPrefix("dossiers") && $0.contains("M-a") && $0.contains("dossier.apologize") })
        #expect(lines.contains { $0.hasPrefix("form") && $0.contains("F5") && $0.contains("dossier.print") })
        #expect(lines.contains { $0.hasPrefix("form") && $0.contains("Enter") && $0.contains("form.submit") })
        #expect(lines.contains { $0.hasPrefix("form") && $0.contains("C-u") && $0.contains("field.clear") })
        #expect(lines.contains { $0.hasPrefix("queue") && $0.contains(" t ") && $0.contains("queue.show-finished") })
    }

    @Test("the embedded keymaps are the files in keymaps/ (one copy: keymaps/ links to the target's folder)")
    func embeddedMatchesFiles() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for name in ["default", "vi"] {
            let file = try String(contentsOf: root.appendingPathComponent("keymaps/\(name).keys"), encoding: .utf8)
            let embedded = try #require(Keymap.builtInFiles[name])
            #expect(file.trimmingCharacters(in: .newlines) == embedded.trimmingCharacters(in: .newlines),
                    "keymaps/\(name).keys is not the file embedded from Sources/MotCuaTUI/Keymaps/")
        }
    }

    @Test("every key in README's 'At the desk' table is listed by motcua keys")
    func readmeKeys() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## At the desk").dropFirst().first?.components(separatedBy: "\n## ").first)
        let listed = Keymap.standard.describe(language: .en, implemented: DeskApp.implementedActions)
            .map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        var checked = 0
        for line in section.split(separator: "\n") where line.hasPrefix("| `") {
            let cell = line.split(separator: "|").first.map(String.init) ?? ""
            for name in cell.split(separator: "`").enumerated().filter({ $0.offset % 2 == 1 }).map({ String($0.element) }) {
                guard let key = Key(name: name) else { continue }
                #expect(listed.contains { $0.count > 1 && $0[1] == Substring(key.name) }, "README lists \(name), motcua keys does not")
                checked += 1
            }
        }
        #expect(checked >= 10)
    }

    @Test("every bind example in design.md parses")
    func designExamples() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let design = root.deletingLastPathComponent().appendingPathComponent("shared/design.md")
        guard let text = try? String(contentsOf: design, encoding: .utf8) else { return } // not in every checkout
        let binds = text.split(separator: "\n").filter { $0.hasPrefix("bind ") }.joined(separator: "\n")
        let (_, diags) = Keymap.parse(binds, file: "design.md")
        #expect(diags.isEmpty, "\(diags)")
    }
}

@Suite("Keymap files")
struct KeymapFileTests {
    @Test("a user file applies on top of the default and includes files beside it")
    func load() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "bind queue x queue.done\n".write(to: dir.appendingPathComponent("extra.keys"), atomically: true, encoding: .utf8)
        let user = dir.appendingPathComponent("keys")
        try "include vi\ninclude extra\nunbind queue q\nbind queue Z nonsense\n".write(to: user, atomically: true, encoding: .utf8)
        let (map, diags) = Keymap.load(path: user.path)
        #expect(map.action(for: .function(5), in: .queue) == .queueCallNext) // default kept
        #expect(map.action(for: .character("j"), in: .queue) == .cursorDown) // vi
        #expect(map.action(for: .character("x"), in: .queue) == .queueDone)  // extra.keys
        #expect(map.action(for: .character("q"), in: .queue) == nil)
        #expect(diags.map(\.description) == ["\(user.path):4: unknown action 'nonsense'"])
    }

    @Test("an unreadable file keeps the default and says so")
    func missing() {
        let (map, diags) = Keymap.load(path: "/nonexistent/motcua/keys")
        #expect(map == Keymap.standard)
        #expect(diags.count == 1)
        #expect(diags.first?.description == "/nonexistent/motcua/keys:0: cannot read the file")
    }
}
