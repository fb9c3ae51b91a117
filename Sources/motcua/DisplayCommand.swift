import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore
import MotCuaTUI

struct DisplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "display", abstract: "Màn hình phòng chờ: số đang gọi, không có thông tin cá nhân (the waiting-room display).")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Chữ số lớn bằng ký tự ASCII, tiếng Việt không dấu (ASCII big digits, no diacritics)") var ascii = false
    @Flag(name: .customLong("no-sound"), help: "Không đọc số, không chuông (no speech, no bell)") var noSound = false

    func run() throws {
        try runReporting(global) { lang in
            // Read-only, like the board: the waiting room's PC can never change the queue.
            let db = try global.openExistingDatabase(readOnly: true)
            let clock = try global.clock()
            let env = ProcessInfo.processInfo.environment
            // A VT100 has no block characters: big digits in `#`.
            let plainTerminal = (env["TERM"] ?? "").hasPrefix("vt1")
            let terminal = try openTerminal(ascii: ascii || plainTerminal, language: lang)
            defer { terminal.close() }
            let speaker: CallSpeaker
            if noSound {
                speaker = SilentSpeaker()
            } else if let espeak = EspeakSpeaker.find(path: env["PATH"]) {
                speaker = EspeakSpeaker(executable: espeak, fallback: BellSpeaker(terminal: terminal))
            } else {
                speaker = BellSpeaker(terminal: terminal)
            }
            var lastMark: Int64 = -1, lastMinute = -1
            func today() -> LocalDate { VietnamTime.local(clock.now()).date }
            let app = DisplayApp(
                terminal: terminal, language: lang, ascii: ascii || plainTerminal, speaker: speaker,
                title: {
                    guard let p = try? db.profile() else { return "" }
                    return DisplayView.title(p)
                },
                clock: {
                    let t = VietnamTime.local(clock.now())
                    return "\(t.hhmm) \(t.date.vietnamese)"
                },
                // More than the line shows: recalls are left out of it, so a few spare calls keep it full.
                load: { try? db.displayData(day: today(), limit: 24) },
                changes: {
                    let minute = Int(clock.now().timeIntervalSince1970 / 60)
                    let mark = try? db.changeMark()
                    guard mark == nil || mark != lastMark || minute != lastMinute else { return false }
                    lastMinute = minute
                    if let mark { lastMark = mark }
                    return true
                })
            app.changeWake = ChangeWake.make(databasePath: db.path)
            app.run()
        }
    }
}
