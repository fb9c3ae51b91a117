import Foundation
import MotCuaCore

/// The desk's phone list (`CallList`) made from the store and written to
/// `call-lists/goi-dien-YYYY-MM-DD.txt` beside the database: one place for the desk and the
/// command line, so both give the same page and the same file.
public enum CallListFile {
    /// The day whose appointments are phoned by default: the next day after `today` the desk
    /// takes appointments (within two months).
    public static func defaultDay(after today: LocalDate, schedule: AppointmentSchedule) -> LocalDate {
        var d = today.adding(days: 1)
        while schedule.closure(d) != nil && d < today.adding(days: 60) { d = d.adding(days: 1) }
        return d
    }

    /// The list for `day`: its booked appointments and the waitlist places offered from today on.
    public static func make(_ store: any DeskStore, day: LocalDate, now: Date) throws -> CallList {
        CallList(day: day, deskName: try store.profile().deskName, madeAt: now,
                 appointments: try store.appointments(day: day),
                 offers: try store.waitlistOffers(from: VietnamTime.local(now).date))
    }

    /// `…/call-lists/` beside the database file.
    public static func folder(besideDatabase path: String) -> URL {
        URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("call-lists", isDirectory: true)
    }

    /// Writes the list (atomically) and returns the file; a failure names the file.
    public static func write(_ list: CallList, besideDatabase path: String) throws -> URL {
        let folder = folder(besideDatabase: path)
        let file = folder.appendingPathComponent(CallList.fileName(for: list.day))
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(list.text.utf8).write(to: file, options: .atomic)
        } catch {
            throw FieldError(field: "file", label: Localized(vi: "Tệp danh sách gọi", en: "Call list file"),
                             problem: Localized(vi: "không ghi được '\(file.path)': \(error.localizedDescription)",
                                                en: "cannot write '\(file.path)': \(error.localizedDescription)"))
        }
        return file
    }
}
