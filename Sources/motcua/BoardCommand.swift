import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore
import MotCuaTUI

struct BoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board", abstract: "Bảng theo dõi của lãnh đạo, chỉ xem (the supervisor's live board, read-only).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var keys: KeymapOption
    @Flag(help: "Hiện tiếng Việt không dấu (show Vietnamese without diacritics)") var ascii = false

    func run() throws {
        try runReporting(global) { lang in
            // Read-only, and only a file that exists and is motcua's: the board never creates,
            // migrates or writes anything (SQLite itself refuses a write on this connection).
            let db = try global.openExistingDatabase(readOnly: true)
            let (calendar, _) = try global.workingCalendar()
            let session = BoardSession(db: db, clock: try global.clock(), language: lang, calendar: calendar)
            let (keymap, diagnostics) = keys.load()
            let terminal = try openTerminal(ascii: ascii, language: lang)
            defer { terminal.close() }
            let app = BoardApp.make(terminal: terminal, session: session, keymap: keymap)
            app.asciiChosen = ascii
            app.changeWake = ChangeWake.make(databasePath: db.path)
            // Without inotify the board polls, fast enough to redraw within half a second.
            app.pollIntervalMs = 400
            if let first = diagnostics.first {
                app.say(first.text(lang) + (diagnostics.count > 1 ? " (+\(diagnostics.count - 1))" : ""), warning: true)
            }
            app.run()
        }
    }
}

/// The real terminal for a full-screen command; on a locale that is not UTF-8 it says so and
/// shows Vietnamese without diacritics.
func openTerminal(ascii: Bool, language lang: Language) throws -> NcursesTerminal {
    var asciiMode = ascii
    if !ascii && !NcursesTerminal.isUTF8Codeset(NcursesTerminal.localeCodeset()) {
        FileHandle.standardError.write(Data((lang == .vi
            ? "Bảng mã của terminal không phải UTF-8 (\(NcursesTerminal.localeCodeset())): hiển thị tiếng Việt không dấu. Dùng LANG=C.UTF-8 để có dấu, hoặc --ascii để bỏ thông báo này.\n"
            : "The terminal's locale is not UTF-8 (\(NcursesTerminal.localeCodeset())): showing Vietnamese without diacritics. Use LANG=C.UTF-8, or --ascii to skip this notice.\n").utf8))
        asciiMode = true
    }
    do { return try NcursesTerminal.open(ascii: asciiMode) } catch {
        throw StoreError("Không mở được terminal: \(error)", "Cannot open the terminal: \(error)")
    }
}
