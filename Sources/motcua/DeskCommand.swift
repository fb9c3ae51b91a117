import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore
import MotCuaTUI

struct DeskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "desk", abstract: "Màn hình quầy tiếp nhận (the clerk's desk; default).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Quầy (counter number)") var counter: Int = 1
    @Flag(help: "Hiện tiếng Việt không dấu (show Vietnamese without diacritics; stored text unchanged)") var ascii = false

    func run() throws {
        try runReporting(global) { lang in
            let db = try global.openDatabase()
            let clock = try global.clock()
            let profile = try db.profile()
            _ = try profile.validateCounter(counter)
            var asciiMode = ascii
            if !ascii && !NcursesTerminal.isUTF8Codeset(NcursesTerminal.localeCodeset()) {
                // The terminal cannot show Vietnamese: say so, then run without diacritics.
                FileHandle.standardError.write(Data((lang == .vi
                    ? "Bảng mã của terminal không phải UTF-8 (\(NcursesTerminal.localeCodeset())): hiển thị tiếng Việt không dấu. Dùng LANG=C.UTF-8 để có dấu, hoặc --ascii để bỏ thông báo này.\n"
                    : "The terminal's locale is not UTF-8 (\(NcursesTerminal.localeCodeset())): showing Vietnamese without diacritics. Use LANG=C.UTF-8, or --ascii to skip this notice.\n").utf8))
                asciiMode = true
            }
            let source = DeskDataSource(db: db, clock: clock, counter: counter, language: lang)
            let terminal: NcursesTerminal
            do { terminal = try NcursesTerminal.open(ascii: asciiMode) } catch {
                throw StoreError("Không mở được terminal: \(error)", "Cannot open the terminal: \(error)")
            }
            defer { terminal.close() }
            let app = DeskApp(terminal: terminal, language: lang, load: { source.snapshot() }, hasChanged: { source.hasChanged() })
            app.run()
        }
    }
}

/// Reads what the desk shows from the store, and notices other processes' writes.
final class DeskDataSource: @unchecked Sendable {
    let db: AppDatabase
    let clock: any Clock
    let counter: Int
    let language: Language
    private var lastMark: Int64 = -1
    private var lastMinute = -1

    init(db: AppDatabase, clock: any Clock, counter: Int, language: Language) {
        self.db = db; self.clock = clock; self.counter = counter; self.language = language
    }

    /// True after another process's write, and once a minute so the clock and the waited
    /// minutes stay current in a quiet hour.
    func hasChanged() -> Bool {
        if minuteNow() != lastMinute { return true }
        guard let mark = try? db.changeMark() else { return false }
        return mark != lastMark
    }

    private func minuteNow() -> Int { Int(clock.now().timeIntervalSince1970 / 60) }

    func snapshot() -> DeskSnapshot? {
        guard let profile = try? db.profile(), let mark = try? db.changeMark() else { return nil }
        lastMark = mark
        lastMinute = minuteNow()
        let now = clock.now()
        let local = VietnamTime.local(now)
        let tickets = (try? db.tickets(day: local.date)) ?? []
        let procedures = Dictionary(((try? db.procedures()) ?? []).map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        func line(_ t: Ticket) -> QueueLine {
            QueueLine(ticket: t.code, name: t.applicantName,
                      priority: t.priorityCode.flatMap { profile.priority.group(code: $0)?.label.text(language) },
                      purpose: t.procedureCode.flatMap { procedures[$0] } ?? "",
                      status: t.status.label.text(language) + (t.counter.map { " · Q\($0)" } ?? ""),
                      waitedMinutes: t.waitedMinutes(now: now))
        }
        let ordered = QueueRules.callingOrder(tickets.filter { !$0.status.isFinal }, now: now, policy: profile.priority)
        return DeskSnapshot(
            header: DeskHeader(desk: "\(profile.deskName) — \(profile.commune)", counter: counter,
                               clerk: Actor.current(counter: counter).user,
                               clock: "\(local.hhmm) \(local.date.vietnamese)"),
            waiting: ordered.filter { $0.status == .waiting }.map(line),
            serving: ordered.filter { $0.status == .called || $0.status == .serving }.map(line))
    }
}
