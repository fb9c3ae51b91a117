import Foundation
import MotCuaCore
import MotCuaStore

/// Danh sách gọi điện (`c` on the appointments screen): the next working day's appointments and
/// the places freed for people on the waitlist, with their phone numbers, written to a text file
/// in `call-lists/` beside the database (no SMS gateway offline) and shown on screen. The page
/// and the file are the command line's (`CallListFile`), so `motcua appointment call-list` gives
/// the same.
enum CallListScreen {
    static func make(session: DeskSession, language: Language) throws -> Screen {
        let en = language == .en
        let schedule = try session.appointmentSchedule()
        let day = CallListFile.defaultDay(after: session.today, schedule: schedule)
        let list = try CallListFile.make(session.db, day: day, now: session.now)
        let lines = list.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let path = session.db.path
        guard !path.isEmpty, path != ":memory:" else {
            return TextPanelScreen(title: en ? "Call list (not written: no database file)" : "Danh sách gọi điện (chưa ghi tệp: không có tệp dữ liệu)",
                                   lines: lines, verbatim: true)
        }
        let file = try CallListFile.write(list, besideDatabase: path)
        return TextPanelScreen(title: en ? "Call list — written to a file" : "Danh sách gọi điện — đã ghi ra tệp",
                               lines: [(en ? "File: " : "Tệp: ") + file.lastPathComponent,
                                       (en ? "Folder: " : "Thư mục: ") + file.deletingLastPathComponent().path, ""] + lines,
                               verbatim: true)
    }
}
