import MotCuaCore

/// What the appointments screen shows for one day, read from the store in one go.
struct AppointmentDay {
    var day: LocalDate
    var appointments: [Appointment]
    /// Guidance slots of the day (the shortest visit: the finest picture of free places).
    var slots: [AppointmentSlot]
    var closure: ClosedDay?
    var spans: [OpenSpan]
    var isMakeUp: Bool
    var waitlist: [WaitlistEntry]
}

/// What the week grid shows: the working days of one week (Monday to Friday, and a make-up
/// Saturday or Sunday when there is one) with their bookings and free places.
struct AppointmentWeek {
    var monday: LocalDate
    var days: [AppointmentDay]
    var slotMinutes: Int
}

/// Pure drawing of the appointments screen: the day list and the week grid.
enum AppointmentsView {
    // MARK: - Day list

    struct DayColumns {
        let time = 5, ref = 4, kind = 13, phone = 10, status = 10, ticket = 5
        let name: Int
        init(cols: Int) { name = max(8, cols - 1 - (5 + 4 + 13 + 10 + 10 + 5) - 7) }
    }

    static func dayTitle(_ d: AppointmentDay, today: LocalDate, language: Language) -> String {
        let en = language == .en
        let name = en ? d.day.iso : "\(OpeningHours.weekdayName(d.day.isoWeekday)) \(d.day.vietnamese)"
        let when = d.day == today ? (en ? " (today)" : " (hôm nay)") : ""
        let count = d.appointments.filter { $0.status.holdsPlace }.count
        return (en ? "Appointments — \(name)\(when) · \(count) booked" : "Lịch hẹn — \(name)\(when) · \(count) hẹn")
    }

    /// `Còn trống: 08:00 (2), 08:15 (1) …` (from now on, for today).
    static func freeLine(_ d: AppointmentDay, from minute: Int?, language: Language) -> String {
        let en = language == .en
        let free = d.slots.filter { slot in slot.free > 0 && (minute.map { slot.startMinute >= $0 } ?? true) }
        guard !free.isEmpty else { return en ? "Free: no free time left" : "Còn trống: không còn giờ trống" }
        let total = free.reduce(0) { $0 + $1.free }
        let list = free.map { "\($0.timeText) (\($0.free))" }.joined(separator: ", ")
        return en ? "Free (\(total)): \(list)" : "Còn trống (\(total) chỗ): \(list)"
    }

    static func waitlistLine(_ w: [WaitlistEntry], language: Language) -> (String, Bool)? {
        let open = w.filter { $0.status != .closed }
        guard !open.isEmpty else { return nil }
        let en = language == .en
        let offered = open.filter { $0.status == .offered }
        if offered.isEmpty {
            return (en ? "Waitlist: \(open.count) waiting (d: list)" : "Danh sách chờ: \(open.count) người đang chờ (d: xem)", false)
        }
        let who = offered.map { "\($0.applicantName) \($0.phone)" }.joined(separator: ", ")
        return (en ? "Waitlist: phone \(who) — a place is free" : "Danh sách chờ — có chỗ, cần gọi: \(who)", true)
    }

    /// The first minute of `day` a place can still be booked at (`bookable` is now plus the
    /// desk's notice): nil for a day wholly ahead, past the end of the day for one gone by.
    static func firstBookable(_ day: LocalDate, _ bookable: LocalDateTime) -> Int? {
        if day > bookable.date { return nil }
        if day < bookable.date { return 24 * 60 }
        return bookable.minuteOfDay
    }

    static func render(day d: AppointmentDay, list: inout ListView, into g: inout CellGrid, top: Int, bottom: Int,
                       today: LocalDate, bookable: LocalDateTime, language: Language, symbols: Symbols) {
        guard bottom > top else { return }
        let en = language == .en
        let width = g.cols - 2
        var row = top
        func line(_ text: String, _ style: CellStyle = .plain) {
            guard row < bottom else { return }
            g.put(row: row, col: 1, text: CellWidth.truncate(text, toCells: width), style: style)
            row += 1
        }
        line(dayTitle(d, today: today, language: language), CellStyle(.bold))
        if let closed = d.closure {
            line((en ? "Closed: " : "Nghỉ: ") + closed.reason.text(language), CellStyle(.bold, role: .warning))
        } else {
            let hours = d.spans.map(\.text).joined(separator: ", ")
            let makeUp = d.isMakeUp ? (en ? " · make-up working day" : " · ngày làm bù") : ""
            line((en ? "Hours: " : "Giờ làm việc: ") + hours + makeUp, CellStyle(.dim, role: .muted))
            // Only places that can still be booked: not before now plus the desk's notice.
            line(freeLine(d, from: firstBookable(d.day, bookable), language: language))
        }
        let wl = waitlistLine(d.waitlist, language: language)
        let k = DayColumns(cols: g.cols)
        let heads = en ? ["Time", "No.", "Kind", "Name", "Phone", "Status", "Tkt"]
                       : ["Giờ", "Số", "Loại", "Họ và tên", "Điện thoại", "Trạng thái", "Phiếu"]
        let widths = [k.time, k.ref, k.kind, k.name, k.phone, k.status, k.ticket]
        func cells(_ texts: [String], _ style: CellStyle) {
            guard row < bottom else { return }
            var col = 1
            for (t, w) in zip(texts, widths) {
                g.put(row: row, col: col, text: CellWidth.fit(t, toCells: w), style: style)
                col += w + 1
            }
            row += 1
        }
        cells(heads, CellStyle(.underline))
        let listBottom = bottom - (wl == nil ? 0 : 1)
        if d.appointments.isEmpty {
            line(en ? "  (no appointments)" : "  (chưa có lịch hẹn)", CellStyle(.dim, role: .muted))
        } else {
            list.setCount(d.appointments.count)
            list.setHeight(max(1, listBottom - row))
            let first = row
            for (k2, i) in list.visibleRange.enumerated() {
                row = first + k2
                guard row < listBottom else { break }
                let a = d.appointments[i]
                let style: CellStyle = i == list.selected ? WidgetStyle.highlight
                    : (a.status.holdsPlace ? .plain : CellStyle(.dim, role: .muted))
                g.fill(row: row, fromCol: 1, toCol: g.cols - 1, style: style)
                var col = 1
                let texts = [TimeOfDay.hhmm(a.startMinute), a.reference, "\(a.kind.letter) \(a.kind.label.text(language))",
                             a.applicantName, a.phone ?? "", a.status.label.text(language), a.ticketCode ?? ""]
                for (t, w) in zip(texts, widths) {
                    g.put(row: row, col: col, text: CellWidth.fit(t, toCells: w), style: style)
                    col += w + 1
                }
                if k2 == 0, list.hasMoreAbove { g.put(row: row, col: g.cols - 1, text: "↑", style: style) }
                if k2 == list.visibleRange.count - 1, list.hasMoreBelow { g.put(row: row, col: g.cols - 1, text: "↓", style: style) }
            }
            row = first + list.visibleRange.count
        }
        if let (text, offered) = wl, bottom - 1 > top {
            g.put(row: bottom - 1, col: 1, text: CellWidth.truncate(text, toCells: width),
                  style: offered ? CellStyle(.bold, role: .warning) : CellStyle(.dim, role: .muted))
        }
    }

    // MARK: - Week grid

    /// The rows of the grid: minute starts `step` apart where any shown day is open.
    static func rowStarts(_ w: AppointmentWeek, step: Int, fallback: [OpenSpan]) -> [Int] {
        var spans = w.days.flatMap(\.spans)
        if spans.isEmpty { spans = fallback }
        guard let first = spans.map(\.start).min(), let last = spans.map(\.end).max() else { return [] }
        var t = (first / step) * step
        var rows: [Int] = []
        while t < last {
            let end = t + step
            if spans.contains(where: { $0.start < end && t < $0.end }) { rows.append(t) }
            t = end
        }
        return rows
    }

    static func columnLabel(_ d: LocalDate, _ language: Language) -> String { WeekdayShort.dayMonth(d, language) }

    static func weekTitle(_ w: AppointmentWeek, language: Language) -> String {
        let en = language == .en
        guard let first = w.days.first?.day, let last = w.days.last?.day else { return "" }
        let range = String(format: "%02d/%02d–%@", first.day, first.month, last.vietnamese)
        let makeUp = w.days.filter(\.isMakeUp).map { WeekdayShort.dayMonth($0.day, language) }
        let note = makeUp.isEmpty ? "" : (en ? " · make-up day " : " · làm bù ") + makeUp.joined(separator: ", ")
        return (en ? "Appointments — week " : "Lịch hẹn — tuần ") + range + note
    }

    static func render(week w: AppointmentWeek, selected: LocalDate, into g: inout CellGrid, top: Int, bottom: Int,
                       today: LocalDate, bookable: LocalDateTime, fallback: [OpenSpan], language: Language) {
        guard bottom > top + 3, !w.days.isEmpty else { return }
        let en = language == .en
        g.put(row: top, col: 1, text: CellWidth.truncate(weekTitle(w, language: language), toCells: g.cols - 2), style: CellStyle(.bold))
        let timeWidth = 5
        let colWidth = max(6, (g.cols - 1 - timeWidth - 1) / w.days.count - 1)
        func colStart(_ i: Int) -> Int { 1 + timeWidth + 1 + i * (colWidth + 1) }
        // Header: the days; the selected one reversed, today bold.
        let header = top + 1
        g.put(row: header, col: 1, text: CellWidth.fit(en ? "Time" : "Giờ", toCells: timeWidth), style: CellStyle(.underline))
        for (i, d) in w.days.enumerated() {
            let style: CellStyle = d.day == selected ? WidgetStyle.highlight : (d.day == today ? CellStyle([.bold, .underline]) : CellStyle(.underline))
            let label = columnLabel(d.day, language) + (d.day == today ? "*" : "")
            g.put(row: header, col: colStart(i), text: CellWidth.fit(" " + label, toCells: colWidth), style: style)
        }
        // Room: title, header, then the rows, a total row and a legend.
        let room = bottom - top - 4
        var step = w.slotMinutes
        var starts = rowStarts(w, step: step, fallback: fallback)
        while starts.count > room && step < 240 {
            step *= 2
            starts = rowStarts(w, step: step, fallback: fallback)
        }
        let shownRows = Array(starts.prefix(max(0, room)))
        for (r, t) in shownRows.enumerated() {
            let row = header + 1 + r
            g.put(row: row, col: 1, text: TimeOfDay.hhmm(t), style: CellStyle(.dim, role: .muted))
            for (i, d) in w.days.enumerated() where d.closure == nil {
                let open = d.spans.contains { $0.start < t + step && t < $0.end }
                // Gone by (or inside the desk's notice): never shown as free.
                let first = firstBookable(d.day, bookable)
                let past = first.map { t + step <= $0 } ?? false
                let text: String
                if !open {
                    text = "  ·"
                } else {
                    let booked = d.appointments.filter { $0.status.holdsPlace && $0.startMinute >= t && $0.startMinute < t + step }.count
                    // Free places count the places held for waitlist offers as taken (the slots
                    // come from `placesTaken`), and only the ones still bookable.
                    let free = d.slots.filter { $0.startMinute >= t && $0.startMinute < t + step && $0.startMinute >= (first ?? 0) }
                        .reduce(0) { $0 + $1.free }
                    if past {
                        text = booked > 0 ? " \(booked)/–" : "  –"
                    } else {
                        text = free == 0 ? " \(booked)/0 " + (en ? "full" : "kín") : " \(booked)/\(free)"
                    }
                }
                var style: CellStyle = d.day == selected ? CellStyle(.bold) : .plain
                if past { style = CellStyle(.dim, role: .muted) }
                g.put(row: row, col: colStart(i), text: CellWidth.fit(text, toCells: colWidth), style: style)
            }
        }
        // A closed day: its reason by name, down its column.
        for (i, d) in w.days.enumerated() {
            guard let closed = d.closure else { continue }
            let words = WidgetText.wrap(closed.reason.text(language), toCells: colWidth - 1)
            for (k, text) in words.prefix(max(0, shownRows.count)).enumerated() {
                g.put(row: header + 1 + k, col: colStart(i), text: " " + text, style: CellStyle(.bold, role: .warning))
            }
        }
        let totalRow = header + 1 + shownRows.count
        if totalRow < bottom - 1 {
            g.put(row: totalRow, col: 1, text: CellWidth.fit(en ? "Total" : "Tổng", toCells: timeWidth), style: CellStyle(.bold))
            for (i, d) in w.days.enumerated() {
                let booked = d.appointments.filter { $0.status.holdsPlace }.count
                let text = d.closure != nil ? (en ? " closed" : " nghỉ") : (en ? " \(booked) booked" : " \(booked) hẹn")
                g.put(row: totalRow, col: colStart(i), text: CellWidth.fit(text, toCells: colWidth), style: CellStyle(.bold))
            }
        }
        let legend = en ? "Cell: booked/free places (\(step)-minute rows) · – past · * today"
                        : "Ô: số hẹn/chỗ còn trống (mỗi dòng \(step) phút) · – đã qua · * hôm nay"
        g.put(row: bottom - 1, col: 1, text: CellWidth.truncate(legend, toCells: g.cols - 2), style: CellStyle(.dim, role: .muted))
    }
}
