import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore

struct SetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "setup", abstract: "Cài đặt thông tin bộ phận (desk profile). Without options, shows it.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Tỉnh/thành phố (province)") var province: String?
    @Option(help: "Xã/phường (commune)") var commune: String?
    @Option(name: .customLong("desk-name"), help: "Tên bộ phận, ví dụ 'Trung tâm Phục vụ hành chính công xã'") var deskName: String?
    @Option(name: .customLong("desk-code"), help: "Mã bộ phận (2–8 chữ/số), đầu mã hồ sơ") var deskCode: String?
    @Option(help: "Số quầy (number of counters)") var counters: Int?
    @Option(help: "Giờ chốt mặc định (default cut-off), HH:MM, or 'none'") var cutoff: String?
    @Option(help: "Cán bộ của bộ phận, cách nhau bởi dấu ; (clerks, separated by ;); the desk asks which one is at the counter")
    var clerks: String?
    @Option(help: "Giờ nhận hẹn (opening hours for appointments), e.g. \"mon-fri=07:00-11:30,13:30-17:00;sat=07:00-11:30\"; days not named keep theirs, 'sat=' closes Saturday")
    var hours: String?
    @Option(help: "Số chỗ hẹn cùng lúc (appointment places at once); default one per counter") var seats: Int?
    @Option(name: .customLong("guidance-minutes"), help: "Thời lượng hẹn hướng dẫn, phút (guidance length)") var guidanceMinutes: Int?
    @Option(name: .customLong("submission-minutes"), help: "Thời lượng hẹn nộp hồ sơ, phút, mỗi thủ tục (submission length per procedure)") var submissionMinutes: Int?
    @Option(name: .customLong("home-minutes"), help: "Thời lượng trả kết quả tại nhà, phút (home visit length)") var homeMinutes: Int?
    @Option(name: .customLong("travel-minutes"), help: "Thời gian đi đường mỗi chiều khi trả tại nhà, phút (travel each way)") var travelMinutes: Int?
    @Option(name: .customLong("min-notice-minutes"), help: "Đặt hẹn trước ít nhất, phút (minimum notice)") var minNoticeMinutes: Int?
    @Option(name: .customLong("max-days-ahead"), help: "Đặt hẹn trước tối đa, ngày (maximum days ahead)") var maxDaysAhead: Int?
    @Option(name: .customLong("per-person-per-day"), help: "Số lịch hẹn tối đa của một người trong một ngày (per CCCD or phone)") var perPersonPerDay: Int?
    @Option(name: .customLong("late-after-minutes"), help: "Đến muộn quá số phút này thì cấp số như khách vãng lai (late limit)") var lateAfterMinutes: Int?
    @Option(name: .customLong("walk-in-wait-minutes"), help: "Khách vãng lai chờ quá số phút này: giữa hai người vãng lai tối đa một người hẹn (fairness)")
    var walkInWaitMinutes: Int?
    @Option(name: .customLong("print-command"), help: "Lệnh in phiếu, ví dụ \"lp -d quay1\"; tệp phiếu được thêm vào cuối; dấu ngoặc kép cho tham số có dấu cách; 'none' để bỏ")
    var printCommand: String?
    @Option(name: .customLong("uncollected-days"), help: "Kết quả chờ quá số ngày làm việc này thì đưa vào danh sách gọi điện (mặc định 5)")
    var uncollectedDays: Int?

    /// True when an appointment setting is given.
    var changesAppointments: Bool {
        hours != nil || [seats, guidanceMinutes, submissionMinutes, homeMinutes, travelMinutes, minNoticeMinutes, maxDaysAhead,
                         perPersonPerDay, lateAfterMinutes, walkInWaitMinutes].contains { $0 != nil }
    }

    /// The profile with the options applied; every value checked. Run against a new desk's
    /// defaults before a file that does not exist yet is created, so a refused setup leaves nothing.
    func applied(to profile: DeskProfile) throws -> DeskProfile {
        var p = profile
        if let province { p.province = try TextInput.required(province, field: "province", label: Localized(vi: "Tỉnh", en: "Province"), maxLength: 100) }
        if let commune { p.commune = try TextInput.required(commune, field: "commune", label: Localized(vi: "Xã", en: "Commune"), maxLength: 100) }
        if let deskName { p.deskName = try TextInput.required(deskName, field: "desk_name", label: Localized(vi: "Tên bộ phận", en: "Desk name"), maxLength: 120) }
        if let deskCode { p.deskCode = try DeskProfile.validateDeskCode(deskCode) }
        if let counters {
            guard (1...99).contains(counters) else {
                throw FieldError(field: "counters", label: Localized(vi: "Số quầy", en: "Counters"),
                                 problem: Localized(vi: "phải từ 1 đến 99", en: "must be between 1 and 99"))
            }
            p.counters = counters
        }
        if let cutoff {
            if cutoff.lowercased() == "none" { p.defaultCutoffMinute = nil } else {
                let parts = cutoff.split(separator: ":")
                guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m) else {
                    throw FieldError(field: "cutoff", label: Localized(vi: "Giờ chốt", en: "Cut-off"),
                                     problem: Localized(vi: "'\(cutoff)' không hợp lệ; dạng đúng HH:MM, ví dụ 15:00", en: "'\(cutoff)' is not valid; expected HH:MM, e.g. 15:00"))
                }
                p.defaultCutoffMinute = h * 60 + m
            }
        }
        if let clerks {
            let label = Localized(vi: "Cán bộ", en: "Clerks")
            let names = try clerks.split(separator: ";").compactMap { part -> String? in
                TextInput.nonBlank(String(part)) == nil ? nil : try WalkInRequest.personName(String(part), field: "clerks", label: label)
            }
            var seen = Set<String>()
            if let twice = names.first(where: { !seen.insert(VietnameseText.fold($0)).inserted }) {
                throw FieldError(field: "clerks", label: label,
                                 problem: Localized(vi: "'\(twice)' có hai lần", en: "'\(twice)' is listed twice"))
            }
            guard names.count <= 9 else {
                throw FieldError(field: "clerks", label: label,
                                 problem: Localized(vi: "tối đa 9 người (chọn bằng phím 1–9)", en: "at most 9 (chosen with keys 1–9)"))
            }
            p.clerks = names
        }
        if let printCommand {
            p.printCommand = printCommand.trimmingCharacters(in: .whitespaces).lowercased() == "none" ? nil : try PrintCommand.parse(printCommand)
        }
        if let uncollectedDays {
            p.uncollectedAfterDays = try DeskProfile.validateUncollectedDays(uncollectedDays)
        }
        if changesAppointments {
            var a = p.appointments
            if let hours { a.hours = try OpeningHours.parse(hours, base: a.hours) }
            if let seats { a.seats = seats }
            if let guidanceMinutes { a.guidanceMinutes = guidanceMinutes }
            if let submissionMinutes { a.submissionMinutes = submissionMinutes }
            if let homeMinutes { a.homeMinutes = homeMinutes }
            if let travelMinutes { a.travelMinutes = travelMinutes }
            if let minNoticeMinutes { a.minNoticeMinutes = minNoticeMinutes }
            if let maxDaysAhead { a.maxDaysAhead = maxDaysAhead }
            if let perPersonPerDay { a.perPersonPerDay = perPersonPerDay }
            if let lateAfterMinutes { a.lateAfterMinutes = lateAfterMinutes }
            if let walkInWaitMinutes { a.walkInWaitMinutes = walkInWaitMinutes }
            p.appointments = try a.validated()
        }
        return p
    }

    func run() throws {
        try runReporting(global) { lang in
            let db = try global.openDatabase { profile, _, _ in _ = try applied(to: profile) }
            let changed = [province, commune, deskName, deskCode, cutoff, clerks, printCommand].contains { $0 != nil } || counters != nil
                || uncollectedDays != nil || changesAppointments
            let p = try applied(to: try db.profile())
            if changed { try db.saveProfile(p, now: try global.clock().now(), actor: try global.actor(counter: nil)) }
            if changesAppointments || counters != nil {
                // Fewer places or shorter hours leave some bookings over: said now, to phone them.
                let (calendar, _) = try global.workingCalendar()
                let today = VietnamTime.local(try global.clock().now()).date
                for misfit in try db.appointmentMisfits(from: today, calendar: calendar) { Output.warn(misfit.message, lang) }
            }
            if global.json { Output.print(Output.json(ProfileJSON(p))); return }
            let vi = lang == .vi
            Output.print(Output.table(["", ""], [
                [vi ? "Tỉnh" : "Province", p.province], [vi ? "Xã" : "Commune", p.commune],
                [vi ? "Tên bộ phận" : "Desk name", p.deskName], [vi ? "Mã bộ phận" : "Desk code", p.deskCode],
                [vi ? "Số quầy" : "Counters", String(p.counters)],
                [vi ? "Giờ chốt mặc định" : "Default cut-off", p.defaultCutoffMinute.map { String(format: "%02d:%02d", $0 / 60, $0 % 60) } ?? "—"],
                [vi ? "Cán bộ" : "Clerks", p.clerks.isEmpty ? "—" : p.clerks.joined(separator: "; ")],
                // Labels, not codes: no `merit > disabled` in a Vietnamese line.
                [vi ? "Lệnh in phiếu" : "Print command", p.printCommand.map(PrintCommand.display) ?? "—"],
                [vi ? "Gọi nhận kết quả sau" : "Phone about results after",
                 vi ? "\(p.uncollectedAfterDays) ngày làm việc" : "\(p.uncollectedAfterDays) working days"],
                [vi ? "Nhóm ưu tiên (theo thứ tự gọi)" : "Priority groups (calling order)",
                 p.priority.groups.map { $0.label.text(lang) }.joined(separator: " › ")],
            ] + Self.appointmentRows(p, lang: lang)).split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n"))
        }
    }
}

extension SetupCommand {
    /// The appointment settings as `setup` shows them, hours by `OpeningHours.summary`.
    static func appointmentRows(_ p: DeskProfile, lang: Language) -> [[String]] {
        let a = p.appointments, vi = lang == .vi
        let min = vi ? "phút" : "min"
        let hours = a.hours.summary.enumerated().map { i, line in [i == 0 ? (vi ? "Giờ nhận hẹn" : "Appointment hours") : "", line] }
        return hours + [
            [vi ? "Chỗ hẹn cùng lúc" : "Places at once",
             a.seats.map(String.init) ?? (vi ? "\(p.counters) (mỗi quầy một chỗ)" : "\(p.counters) (one per counter)")],
            [vi ? "Thời lượng hẹn" : "Visit length",
             vi ? "hướng dẫn \(a.guidanceMinutes) \(min), nộp hồ sơ \(a.submissionMinutes) \(min)/thủ tục, tại nhà \(a.homeMinutes) \(min) + đi đường \(a.travelMinutes) \(min) mỗi chiều"
                : "guidance \(a.guidanceMinutes) \(min), submission \(a.submissionMinutes) \(min)/procedure, home \(a.homeMinutes) \(min) + \(a.travelMinutes) \(min) travel each way"],
            [vi ? "Đặt hẹn" : "Booking",
             vi ? "trước ít nhất \(a.minNoticeMinutes) \(min), tối đa \(a.maxDaysAhead) ngày; mỗi người \(a.perPersonPerDay) lịch/ngày"
                : "at least \(a.minNoticeMinutes) \(min) ahead, at most \(a.maxDaysAhead) days; \(a.perPersonPerDay) per person per day"],
            [vi ? "Gọi số người hẹn" : "Calling appointments",
             vi ? "muộn quá \(a.lateAfterMinutes) \(min) thì như khách vãng lai; vãng lai chờ quá \(a.walkInWaitMinutes) \(min) thì xen kẽ"
                : "over \(a.lateAfterMinutes) \(min) late: as a walk-in; a walk-in waiting over \(a.walkInWaitMinutes) \(min): alternate"],
        ]
    }
}

/// The desk profile as JSON: every key on every call (`null` where unset), the cut-off as
/// `HH:MM` like the catalog's, priority groups by code in calling order.
struct ProfileJSON: JSONRow {
    let province: String, commune: String, deskName: String, deskCode: String, counters: Int
    let cutoff: String?, clerks: [String], priorityGroups: [String], priorityRuleSource: String?
    let appointments: AppointmentSettingsJSON
    /// The print command as an argument list (the slip's path is appended); null when none.
    let printCommand: [String]?
    let uncollectedAfterDays: Int
    init(_ p: DeskProfile) {
        province = p.province; commune = p.commune; deskName = p.deskName; deskCode = p.deskCode; counters = p.counters
        cutoff = p.defaultCutoffMinute.map { String(format: "%02d:%02d", $0 / 60, $0 % 60) }
        clerks = p.clerks; priorityGroups = p.priority.groups.map(\.code); priorityRuleSource = p.priorityRuleSource
        appointments = AppointmentSettingsJSON(p.appointments)
        printCommand = p.printCommand
        uncollectedAfterDays = p.uncollectedAfterDays
    }
}
