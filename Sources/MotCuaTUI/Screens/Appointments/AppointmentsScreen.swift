import Foundation
import MotCuaCore
import MotCuaStore

/// Lịch hẹn (`M-2`): one day's appointments in a list, or the working week as a grid (`w`),
/// with the free places, the closed days by name, and the clerk's steps on the selected
/// appointment. Every change goes through the session (one store transaction with its audit
/// event), so undo (`C-z`) takes it back as elsewhere.
public final class AppointmentsScreen: Screen {
    public let session: DeskSession
    /// The day shown (day list) or selected (week grid).
    public private(set) var day: LocalDate
    public private(set) var showsWeek = false
    private(set) var loaded: AppointmentDay?
    private(set) var week: AppointmentWeek?
    /// The last load failed: the last data stays shown, with a warning.
    public private(set) var loadFailed = false
    var list = ListView(count: 0, height: 10)
    private var schedule: AppointmentSchedule?

    public init(session: DeskSession, day: LocalDate? = nil) {
        self.session = session
        self.day = day ?? session.today
        reload()
    }

    public var keyContext: KeyContext { .appointments }

    static let movement: Set<Action> = [.cursorUp, .cursorDown, .cursorFirst, .cursorLast, .pageUp, .pageDown]
    static let onSelected: Set<Action> = [.appointmentCheckIn, .appointmentReschedule, .appointmentCancel, .appointmentNoShow]
    static let calendarActions: Set<Action> = [.calendarPrev, .calendarNext, .calendarToday, .calendarWeek, .calendarPrevWeek,
                                               .calendarNextWeek, .calendarGoto]
    static let common: Set<Action> = calendarActions.union([.appointmentBook, .appointmentWaitlist, .appointmentCallList, .searchStart])
    /// Everything the screen can do in one of its two modes (for `motcua keys`).
    static let actions: Set<Action> = common.union(movement).union(onSelected)

    /// In the week grid there is no appointment under the cursor: the steps on one, and the list
    /// movement, belong to the day list (Enter-less: `w` goes back to it).
    public var implementedActions: Set<Action> { showsWeek ? Self.common : Self.actions }

    public var barActions: [Action] {
        showsWeek ? [.help, .appointmentBook, .calendarWeek, .calendarGoto, .calendarToday, .appointmentWaitlist, .appointmentCallList, .quit]
                  // What a clerk needs most at 80 columns; everything else is in F1.
                  : [.help, .appointmentBook, .appointmentCheckIn, .searchStart, .appointmentReschedule, .appointmentCancel,
                     .appointmentWaitlist, .calendarWeek, .quit]
    }

    public func text(for action: Action) -> ActionText? { Self.text(for: action) }

    static func text(for action: Action) -> ActionText? {
        switch action {
        case .searchStart:
            ActionText(vi: "Tìm hẹn", "Tìm hẹn hôm nay (tên, điện thoại, CCCD) để ghi nhận đã đến",
                       en: "Find", "Find today's appointment by name, phone or ID to check it in")
        case .calendarPrev: ActionText(vi: "Ngày trước", "Ngày trước", en: "Prev day", "Previous day")
        case .calendarNext: ActionText(vi: "Ngày sau", "Ngày sau", en: "Next day", "Next day")
        case .calendarWeek: ActionText(vi: "Tuần", "Xem theo tuần (lưới giờ) hoặc theo ngày (danh sách)",
                                       en: "Week", "Toggle the week grid and the day list")
        case .cursorUp, .cursorDown, .pageUp, .pageDown, .cursorFirst, .cursorLast:
            ActionText(label: action.label, help: Localized(vi: action.helpLine.vi + " trong danh sách hẹn",
                                                            en: action.helpLine.en + " in the appointment list"))
        default: nil
        }
    }

    // MARK: - Data

    public func refresh(host: ScreenHost) { reload() }

    func reload() {
        do {
            let schedule = try session.appointmentSchedule()
            self.schedule = schedule
            loaded = try load(day, schedule)
            if showsWeek {
                let monday = day.adding(days: -(day.isoWeekday - 1))
                let days = (0..<7).map { monday.adding(days: $0) }.filter { $0.isoWeekday <= 5 || schedule.isMakeUpDay($0) }
                week = AppointmentWeek(monday: monday, days: try days.map { try load($0, schedule) },
                                       slotMinutes: 30)
            }
            list.setCount(loaded?.appointments.count ?? 0)
            loadFailed = false
        } catch {
            loadFailed = true
        }
    }

    private func load(_ d: LocalDate, _ schedule: AppointmentSchedule) throws -> AppointmentDay {
        let appts = try session.db.appointments(day: d)
        return AppointmentDay(day: d, appointments: appts,
                              // Free places count the places held for waitlist offers too.
                              slots: schedule.slots(on: d, kind: .guidance, existing: try session.db.placesTaken(day: d)),
                              closure: schedule.closure(d), spans: schedule.openSpans(d),
                              isMakeUp: schedule.isMakeUpDay(d), waitlist: try session.db.waitlist(day: d))
    }

    /// The appointment under the cursor (day list only).
    public var selectedAppointment: Appointment? {
        guard !showsWeek, let i = list.selected, let a = loaded?.appointments, a.indices.contains(i) else { return nil }
        return a[i]
    }

    /// Shows `d` (the selection goes back to the first row).
    public func go(to d: LocalDate) {
        day = d
        list = ListView(count: 0, height: list.height)
        reload()
    }

    public func statusNote(host: ScreenHost) -> StatusNote? {
        guard loadFailed else { return nil }
        return StatusNote(host.language == .en ? "Cannot read the data — retrying" : "Không đọc được dữ liệu — đang thử lại", warning: true)
    }

    // MARK: - Actions

    public func perform(_ action: Action, host: ScreenHost) -> Bool {
        guard implementedActions.contains(action) else { return false }
        switch action {
        case .cursorUp, .cursorDown, .pageUp, .pageDown, .cursorFirst, .cursorLast:
            list.perform(action)
        case .calendarPrev: go(to: step(-1))
        case .calendarNext: go(to: step(1))
        case .calendarPrevWeek: go(to: day.adding(days: -7))
        case .calendarNextWeek: go(to: day.adding(days: 7))
        case .calendarToday: go(to: session.today)
        case .calendarWeek:
            showsWeek.toggle()
            reload()
        case .calendarGoto: askDate(host)
        case .appointmentBook:
            do { host.push(try BookAppointmentScreen(session: session, day: day, onBooked: { [weak self] d in self?.go(to: d) })) }
            catch { host.report(error) }
        case .appointmentWaitlist:
            host.push(WaitlistScreen(session: session, day: day, onBooked: { [weak self] _ in self?.reload() }))
        case .appointmentCallList:
            do { host.push(try CallListScreen.make(session: session, language: host.language)) }
            catch { host.report(error) }
        case .searchStart: AppointmentActions.findAndCheckIn(from: self, session: session, host: host) { [weak self] in self?.reload() }
        default:
            AppointmentActions.perform(action, on: selectedAppointment, from: self, session: session, host: host) { [weak self] in
                self?.reload()
            }
        }
        return true
    }

    /// One day back or on: any day in the day list; in the week grid, the days it shows.
    private func step(_ delta: Int) -> LocalDate {
        var d = day.adding(days: delta)
        guard showsWeek, let schedule else { return d }
        var guardCount = 0
        while d.isoWeekday > 5 && !schedule.isMakeUpDay(d) && guardCount < 7 { d = d.adding(days: delta); guardCount += 1 }
        return d
    }

    private func askDate(_ host: ScreenHost) {
        let en = host.language == .en
        let today = session.today
        host.push(PromptScreen(
            title: en ? "Go to a date" : "Đến ngày",
            label: en ? "Date (dd/mm or dd/mm/yyyy):" : "Ngày (dd/mm hoặc dd/mm/yyyy):",
            under: self, asciiOnly: true, maxLength: 10,
            validate: { text in
                guard DateInput.parse(text, today: today) != nil else {
                    let shown = text.isEmpty ? "" : " '\(text)'"
                    // Written right but not a day of the calendar (31/02): say that, not the form.
                    let parts = text.split(separator: "/")
                    if (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) {
                        return en ? "There is no day\(shown) in the calendar" : "Không có ngày\(shown) trong lịch"
                    }
                    return en ? "Date\(shown) is not valid: expected dd/mm or dd/mm/yyyy, e.g. 12/01 or 12/01/2026"
                              : "Ngày\(shown) không hợp lệ: cần dạng dd/mm hoặc dd/mm/yyyy, ví dụ 12/01 hoặc 12/01/2026"
                }
                return nil
            },
            onAccept: { [weak self] text, host in
                guard let d = DateInput.parse(text, today: today) else { return }
                self?.go(to: d)
                host.say(en ? "Showing \(d.iso)" : "Đang xem ngày \(OpeningHours.weekdayName(d.isoWeekday)) \(d.vietnamese)")
            }))
    }

    // MARK: - Drawing

    /// The first time a place can still be booked: now plus the desk's notice.
    private var bookable: LocalDateTime {
        let notice = schedule?.settings.minNoticeMinutes ?? 0
        return VietnamTime.local(session.now.addingTimeInterval(TimeInterval(notice * 60)))
    }

    public func render(into g: inout CellGrid, top: Int, bottom: Int, host: ScreenHost) {
        let bookable = bookable
        if showsWeek, let week {
            AppointmentsView.render(week: week, selected: day, into: &g, top: top, bottom: bottom, today: session.today,
                                    bookable: bookable, fallback: schedule?.settings.hours.workdaySpans ?? OpeningHours.standardDay,
                                    language: host.language)
        } else if let loaded {
            AppointmentsView.render(day: loaded, list: &list, into: &g, top: top, bottom: bottom, today: session.today,
                                    bookable: bookable, language: host.language,
                                    symbols: host.symbols)
        }
    }
}
