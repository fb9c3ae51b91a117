import Foundation
#if canImport(Glibc)
import Glibc
#endif
import MotCuaCore
import MotCuaStore

/// The supervisor's view of the desk: a read-only store, the clock and the calendar. It has no
/// actor and no write method, so nothing on the board can change the data.
public final class BoardSession {
    public let db: any DeskStore
    public let clock: any Clock
    public let language: Language
    public let calendar: WorkingCalendar
    private var lastMark: Int64 = -1
    private var lastMinute = -1

    /// The database file as opened (device and inode): an open connection keeps reading a file
    /// deleted or replaced since, so the board checks the path itself.
    private let opened: FileID?
    /// Said on the status line while the file at the path is gone or is another file.
    public private(set) var fileProblem: Localized?

    public init(db: any DeskStore, clock: any Clock, language: Language, calendar: WorkingCalendar = WorkingCalendar()) {
        self.db = db; self.clock = clock; self.language = language; self.calendar = calendar
        opened = FileID(path: db.path)
    }

    struct FileID: Equatable {
        let device: UInt64, inode: UInt64
        init?(path: String) {
            var st = stat()
            guard stat(path, &st) == 0 else { return nil }
            device = UInt64(st.st_dev); inode = UInt64(st.st_ino)
        }
    }

    /// Looks at the path again; true when what it finds changed (so the screen redraws).
    private func checkFile() -> Bool {
        guard let opened else { return false }
        let now = FileID(path: db.path)
        let problem: Localized? = now == nil
            ? Localized(vi: "Tệp cơ sở dữ liệu '\(db.path)' không còn: số liệu đang hiện là cũ",
                        en: "The database file '\(db.path)' is gone: the figures shown are old")
            : now != opened
            ? Localized(vi: "Tệp cơ sở dữ liệu '\(db.path)' đã bị thay bằng tệp khác: mở lại motcua board",
                        en: "The database file '\(db.path)' was replaced by another: restart motcua board")
            : nil
        defer { fileProblem = problem }
        return problem != fileProblem
    }

    public var now: Date { clock.now() }
    public var today: LocalDate { VietnamTime.local(now).date }

    /// True once after each write by any process (and once a minute, so waits and the clock
    /// move in a quiet hour); a failing read counts as a change, so the screen says it.
    public func takeChange() -> Bool {
        if checkFile() { return true }
        let minute = Int(now.timeIntervalSince1970 / 60)
        let mark = try? db.changeMark()
        guard mark == nil || mark != lastMark || minute != lastMinute else { return false }
        lastMinute = minute
        if let mark { lastMark = mark }
        return true
    }

    /// Everything the board shows; nil when the store cannot be read now (the screen keeps the
    /// last data and says so).
    public func load() -> BoardSummary? {
        guard let data = try? db.board(now: now, calendar: calendar) else { return nil }
        return BoardSummary(data: data, now: now, calendar: calendar, language: language)
    }

    /// The header: the desk, `Bảng theo dõi (chỉ xem)`, the counts due today / overdue, the time.
    public func header() -> DeskHeader? {
        guard let p = try? db.profile() else { return nil }
        let local = VietnamTime.local(now)
        let d = local.date
        func p2(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
        let workload: DeskWorkload = (try? db.dueCounts(today: d)).map { .counts(dueToday: $0.dueToday, overdue: $0.overdue) } ?? .unreadable
        var h = DeskHeader(desk: p.deskName, commune: p.commune, counter: 0, clerk: "", clock: "\(local.hhmm) \(d.vietnamese)",
                           shortClock: "\(local.hhmm) \(p2(d.day))/\(p2(d.month))", workload: workload)
        h.role = language == .en ? "Board (view only)" : "Bảng theo dõi (chỉ xem)"
        return h
    }
}
