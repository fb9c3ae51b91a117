import Foundation
import MotCuaCore
import MotCuaStore

/// The board's figures and lists, already worded, from one `BoardData`: a pure function of the
/// data and the clock, so a screen test can check it without a terminal. The rules are the
/// model's: the calling order (`QueueRules`), a counter's current ticket, waits
/// (`WaitStatistics`), days late (`Dossier.timeliness`).
public struct BoardSummary: Sendable {
    public struct CounterLine: Hashable, Sendable {
        public var counter: Int
        /// The clerk of the counter's current ticket, else of its last call today; "" when none.
        public var clerk: String
        /// `A003 từ 08:05 (12 phút)`, or "" when the counter serves nobody.
        public var serving: String
        public var servedToday: Int
    }

    /// A drill-down: a title and its rows.
    public struct Detail: Hashable, Sendable {
        public var kind: DetailKind
        public var title: String
        public var rows: [String]
    }

    public enum DetailKind: CaseIterable, Hashable, Sendable {
        case waiting, overdue, dueToday, uncollected, inPost, appointments
    }

    public var counters: [CounterLine]
    /// `Ưu tiên: Người cao tuổi 1` … in the configured group order, then appointments, then ordinary.
    public var waitingGroups: [(label: String, count: Int)]
    public var waits: WaitStatistics
    public var noShows: Int
    /// The next appointments not yet come: `09:00 Nguyễn Văn An (Nộp hồ sơ)`.
    public var nextAppointments: [String]
    public var details: [Detail]

    public func detail(_ kind: DetailKind) -> Detail? { details.first { $0.kind == kind } }

    public init(data: BoardData, now: Date, calendar: WorkingCalendar, language: Language) {
        let en = language == .en
        let today = VietnamTime.local(now).date
        func minutes(_ n: Int) -> String { en ? "\(n) min" : "\(n) phút" }
        func hhmm(_ d: Date) -> String { VietnamTime.local(d).hhmm }

        counters = (1...max(1, data.profile.counters)).map { c in
            let current = QueueRules.currentTicket(counter: c, in: data.tickets)
            let lastCall = data.tickets.filter { $0.counter == c && $0.calledAt != nil }.max { ($0.calledAt ?? .distantPast) < ($1.calledAt ?? .distantPast) }
            let serving = current.map { t in
                let since = t.calledAt.map { en ? " since \(hhmm($0)) (\(minutes(Int(now.timeIntervalSince($0) / 60))))"
                                                : " từ \(hhmm($0)) (\(minutes(Int(now.timeIntervalSince($0) / 60))))" } ?? ""
                return t.code + since
            } ?? ""
            return CounterLine(counter: c, clerk: current?.clerk ?? lastCall?.clerk ?? "", serving: serving,
                               servedToday: data.tickets.filter { $0.counter == c && $0.status == .done }.count)
        }

        let waiting = data.tickets.filter { $0.status == .waiting }
        var groups: [(label: String, count: Int)] = []
        for g in data.profile.priority.groups {
            let n = waiting.filter { $0.priorityCode == g.code && $0.appointmentAt == nil }.count
            if n > 0 { groups.append((g.label.text(language), n)) }
        }
        let unknownPriority = waiting.filter { t in t.appointmentAt == nil && t.priorityCode.map { data.profile.priority.group(code: $0) == nil } ?? false }.count
        if unknownPriority > 0 { groups.append((en ? "Other priority" : "Ưu tiên khác", unknownPriority)) }
        let appointments = waiting.filter { $0.appointmentAt != nil }.count
        if appointments > 0 { groups.append((en ? "Appointments" : "Có hẹn", appointments)) }
        let ordinary = waiting.filter { $0.appointmentAt == nil && $0.priorityCode == nil }.count
        if ordinary > 0 { groups.append((en ? "Ordinary" : "Thường", ordinary)) }
        waitingGroups = groups
        waits = WaitStatistics(tickets: data.tickets, now: now)
        noShows = data.tickets.filter { $0.status == .noShow }.count

        let minuteNow = VietnamTime.local(now).minuteOfDay
        let coming = data.appointments.filter { $0.status == .booked && $0.startMinute >= minuteNow - 15 }.sorted { $0.startMinute < $1.startMinute }
        func appointmentLine(_ a: Appointment) -> String {
            "\(TimeOfDay.hhmm(a.startMinute)) \(a.applicantName) (\(a.kind.label.text(language)))"
        }
        nextAppointments = coming.prefix(3).map(appointmentLine)
        if nextAppointments.isEmpty, let next = data.nextDay {
            // Nothing left today (evening): the next working day's first ones, with the day said.
            let weekday = en ? ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][max(0, min(6, next.day.isoWeekday - 1))]
                             : OpeningHours.weekdayName(next.day.isoWeekday)
            let when = "\(weekday) \(next.day.vietnamese.prefix(5))"
            nextAppointments = next.appointments.sorted { $0.startMinute < $1.startMinute }.prefix(3).enumerated().map { i, a in
                (i == 0 ? when + ": " : "") + appointmentLine(a)
            }
        }

        let procedures = Self.procedureNames(data)
        func dossierRow(_ d: Dossier, _ extra: String) -> [String] {
            let what = procedures[d.procedureCode] ?? d.procedureCode
            // What the supervisor acts on first (late by how much, a phone) before the procedure's long name.
            return [d.code, extra, d.applicantName, what]
        }
        func short(_ day: LocalDate) -> String { String(day.vietnamese.prefix(5)) }
        func due(_ d: Dossier) -> String {
            // Lateness is counted in working days from the first due date; an apologised
            // dossier also shows the new date it was given.
            let standing: String = switch d.timeliness(today: today, calendar: calendar) {
            case .late(let n) where n > 0: en ? "\(n) working days late" : "trễ \(n) ngày LV"
            case .dueIn(let n): en ? "\(n) working days left" : "còn \(n) ngày LV"
            case let other: other.label.text(language)
            }
            let moved = d.wasApologised ? " · " + (en ? "new date " : "hẹn lại ") + short(d.dueDate) : ""
            return (en ? "due " : "hạn ") + short(d.lateAfter) + " · " + standing + moved
        }
        let uncollectedDays = data.profile.uncollectedAfterDays
        let waitingRows = waiting.map { t -> [String] in
            let group = t.priorityCode.flatMap { data.profile.priority.group(code: $0)?.label.text(language) }
                ?? t.appointmentAt.map { (en ? "appt " : "hẹn ") + hhmm($0) } ?? ""
            let held = t.counter.map { en ? "for counter \($0)" : "giữ cho quầy \($0)" } ?? ""
            return [t.code, t.applicantName, group, (en ? "waited " : "đã chờ ") + minutes(t.waitedMinutes(now: now)), held]
        }
        details = [
            Detail(kind: .waiting, title: en ? "People waiting (calling order)" : "Người đang chờ (theo thứ tự gọi)",
                   rows: Self.aligned(waitingRows, caps: [4, 24, 20, 16, 16])),
            Detail(kind: .overdue, title: en ? "Overdue dossiers" : "Hồ sơ quá hạn",
                   rows: Self.aligned(data.overdue.map { dossierRow($0, due($0)) }, caps: [16, 44, 22, 60])),
            Detail(kind: .dueToday, title: en ? "Dossiers due today" : "Hồ sơ đến hạn hôm nay",
                   rows: Self.aligned(data.dueToday.map { dossierRow($0, due($0)) }, caps: [16, 44, 22, 60])),
            Detail(kind: .uncollected,
                   title: en ? "Not collected after \(uncollectedDays) working days"
                             : "Kết quả quá \(uncollectedDays) ngày LV chưa có người nhận",
                   rows: Self.aligned(data.uncollected.map { u in
                       dossierRow(u.dossier, [u.phone ?? "", (u.returnedByPost ? (en ? "back from the post " : "bưu điện trả lại ") : (en ? "ready " : "có KQ "))
                                              + VietnamTime.local(u.since).date.vietnamese].filter { !$0.isEmpty }.joined(separator: "  "))
                   }, caps: [16, 44, 22, 60])),
            Detail(kind: .inPost, title: en ? "Results in the post" : "Kết quả đang gửi bưu chính",
                   rows: Self.aligned(data.inPost.map { d in dossierRow(d, [d.trackingNumber ?? "", d.closedAt.map { (en ? "sent " : "gửi ") + VietnamTime.local($0).date.vietnamese } ?? ""]
                                                            .filter { !$0.isEmpty }.joined(separator: "  ")) }, caps: [16, 44, 22, 60])),
            Detail(kind: .appointments, title: en ? "Today's appointments" : "Lịch hẹn hôm nay",
                   rows: data.appointments.sorted { $0.startMinute < $1.startMinute }.map { a in appointmentLine(a) + "  " + a.status.label.text(language) }),
        ]
    }

    /// Rows of cells as lines whose columns line up (widths in terminal cells, each column as
    /// wide as its widest cell up to its cap; the last column is left as it is). A column
    /// empty on every row takes no room.
    static func aligned(_ rows: [[String]], caps: [Int]) -> [String] {
        let count = rows.map(\.count).max() ?? 0
        let widths = (0..<count).map { i in
            min(i < caps.count ? caps[i] : Int.max, rows.map { i < $0.count ? CellWidth.of($0[i]) : 0 }.max() ?? 0)
        }
        return rows.map { cells in
            cells.indices.compactMap { i -> String? in
                guard widths[i] > 0 else { return nil }
                return i == cells.count - 1 ? cells[i] : CellWidth.fit(cells[i], toCells: widths[i])
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
    }

    static func procedureNames(_ data: BoardData) -> [String: String] {
        var names: [String: String] = [:]
        for d in data.overdue + data.dueToday + data.uncollected.map(\.dossier) + data.inPost {
            if let s = d.procedureSnapshot { names[d.procedureCode] = s.name }
        }
        return names
    }
}
