import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore
import MotCuaTUI

struct DeskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "desk", abstract: "Màn hình quầy tiếp nhận (the clerk's desk; default).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var keys: KeymapOption
    @Option(help: "Quầy (counter number)") var counter: Int = 1
    @Flag(help: "Hiện tiếng Việt không dấu (show Vietnamese without diacritics; stored text unchanged)") var ascii = false
    @Option(name: .customLong("input"), help: "Bộ gõ lúc mở (input method at start): telex, vni, off") var input: String = "telex"
    @Option(name: .customLong("tone-style"), help: "Đặt dấu (tone placement): new = hòa, thúy; old = hoà, thuý") var toneStyle: String = "new"

    func run() throws {
        try runReporting(global) { lang in
            // A desk that opens a file nobody made yet says so: a counter whose --db or
            // MOTCUA_DB did not reach it (an SSH command does not read .profile) would otherwise
            // work on an empty database of its own without anyone noticing.
            let path = try global.databasePath()
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
            let isNew = size == 0
            let db = try global.openDatabase()
            let clock = try global.clock()
            let (calendar, _) = try global.workingCalendar()
            _ = try db.profile().validateCounter(counter)
            let (keymap, diagnostics) = keys.load()
            guard let inputKind = InputMethodKind(rawValue: input.lowercased()) else {
                throw FieldError(field: "input", label: Localized(vi: "--input", en: "--input"),
                                 problem: Localized(vi: "'\(input)' không hợp lệ; chọn telex, vni hoặc off", en: "'\(input)' is not valid; choose telex, vni or off"))
            }
            guard let tone = ToneStyle(rawValue: toneStyle.lowercased()) else {
                throw FieldError(field: "tone_style", label: Localized(vi: "--tone-style", en: "--tone-style"),
                                 problem: Localized(vi: "'\(toneStyle)' không hợp lệ; chọn new (hòa) hoặc old (hoà)", en: "'\(toneStyle)' is not valid; choose new (hòa) or old (hoà)"))
            }
            var asciiMode = ascii
            if !ascii && !NcursesTerminal.isUTF8Codeset(NcursesTerminal.localeCodeset()) {
                // The terminal cannot show Vietnamese: say so, then run without diacritics.
                FileHandle.standardError.write(Data((lang == .vi
                    ? "Bảng mã của terminal không phải UTF-8 (\(NcursesTerminal.localeCodeset())): hiển thị tiếng Việt không dấu. Dùng LANG=C.UTF-8 để có dấu, hoặc --ascii để bỏ thông báo này.\n"
                    : "The terminal's locale is not UTF-8 (\(NcursesTerminal.localeCodeset())): showing Vietnamese without diacritics. Use LANG=C.UTF-8, or --ascii to skip this notice.\n").utf8))
                asciiMode = true
            }
            let session = DeskSession(db: db, clock: clock, counter: counter, language: lang, calendar: calendar,
                                      actor: try global.actor(counter: counter))
            // A notice entered with `calendar announce` while the desk is open applies at once.
            let watched = try global.calendarFile
                ?? URL(fileURLWithPath: try global.databasePath()).deletingLastPathComponent().appendingPathComponent("calendar.txt").path
            session.watchCalendar(file: watched) { try global.workingCalendar().0 }
            let terminal: NcursesTerminal
            do { terminal = try NcursesTerminal.open(ascii: asciiMode) } catch {
                throw StoreError("Không mở được terminal: \(error)", "Cannot open the terminal: \(error)")
            }
            defer { terminal.close() }
            let app = DeskApp.make(terminal: terminal, session: session, keymap: keymap, askClerk: global.clerk == nil)
            app.composer = VietnameseComposer(kind: inputKind, toneStyle: tone)
            app.asciiChosen = ascii
            // Another counter's write shows at once instead of within the second's poll.
            app.changeWake = ChangeWake.make(databasePath: db.path)
            if let first = diagnostics.first {
                app.say(first.text(lang) + (diagnostics.count > 1 ? " (+\(diagnostics.count - 1))" : ""), warning: true)
            }
            if isNew {
                app.say(lang == .vi ? "Đã tạo cơ sở dữ liệu mới: \(path). Nếu các quầy khác đang dùng tệp khác, hãy thoát và mở lại với --db"
                                    : "Created a new database: \(path). If the other counters use another file, quit and open it again with --db",
                        warning: true)
            }
            // `--clerk` outside the desk's list is allowed (a supervisor standing in) but said.
            let clerks = try db.profile().clerks
            if global.clerk != nil, !clerks.isEmpty,
               !clerks.contains(where: { VietnameseText.fold($0) == VietnameseText.fold(session.actor.user) }) {
                app.say(lang == .vi ? "Cán bộ '\(session.actor.user)' không có trong danh sách của bộ phận (motcua setup --clerks)"
                                    : "Clerk '\(session.actor.user)' is not in the desk's list (motcua setup --clerks)", warning: true)
            }
            app.run()
        }
    }
}

/// `--keymap NAME|PATH`: a built-in keymap by name (`default`, `vi`) or a file; else
/// `$XDG_CONFIG_HOME/motcua/keys` (`~/.config/motcua/keys`) when present; else the default.
struct KeymapOption: ParsableArguments {
    @Option(name: .customLong("keymap"), help: "Bàn phím (keymap): default, vi, or a file path") var keymap: String?

    func load() -> (Keymap, [KeymapDiagnostic]) {
        if let name = keymap {
            if Keymap.builtInFiles[name] != nil {
                var parser = KeymapParser(keymap: Keymap(), resolve: { n, _ in Keymap.builtInFiles[n].map { (file: n, text: $0) } })
                parser.parse("include \(name)", file: "--keymap")
                return (parser.keymap, parser.diagnostics)
            }
            return Keymap.load(path: name)
        }
        let env = ProcessInfo.processInfo.environment
        let config = (env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((env["HOME"] ?? NSHomeDirectory()) + "/.config")) + "/motcua/keys"
        if FileManager.default.fileExists(atPath: config) { return Keymap.load(path: config) }
        return (.standard, [])
    }
}

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", abstract: "Các phím đang dùng (the key bindings in force).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var keys: KeymapOption

    func run() throws {
        try runReporting(global) { lang in
            let (keymap, diagnostics) = keys.load()
            for d in diagnostics { FileHandle.standardError.write(Data((d.text(lang) + "\n").utf8)) }
            // Only what works: a binding to a screen not built yet is left out.
            keymap.describe(language: lang, implemented: DeskApp.implementedActions, helpLine: DeskApp.helpLine)
                .forEach { Output.print($0) }
            if !diagnostics.isEmpty { throw ExitCode(1) }
        }
    }
}
