/// The desk's identity and settings, shown in headers and on slips.
public struct DeskProfile: Hashable, Sendable, Codable {
    public var province: String
    public var commune: String
    /// As the commune names it: "Bộ phận Một cửa", "Bộ phận Tiếp nhận và Trả kết quả",
    /// "Trung tâm Phục vụ hành chính công xã …".
    public var deskName: String
    /// Prefix of dossier codes: 2–8 capital letters or digits.
    public var deskCode: String
    public var counters: Int
    /// Default cut-off (minute of the day) for procedures whose catalog row gives none; nil = none.
    /// The cut-off rule is per procedure (see WorkingCalendar); this is only the desk's fallback.
    public var defaultCutoffMinute: Int?
    public var priority: PriorityPolicy
    /// The provincial one-stop regulation that sets the priority groups, when the desk enters it.
    public var priorityRuleSource: String?
    /// The clerks who work at the desk, offered when the desk starts (empty: the OS user).
    public var clerks: [String] = []
    /// Hẹn giờ: opening hours, visit lengths, booking rules, the queue's fairness rule.
    public var appointments = AppointmentSettings()
    /// The program and its arguments that print a slip (e.g. `["lp", "-d", "quay1"]`); the slip
    /// file's path is appended as the last argument. Run as an argument list, never through a
    /// shell. Nil: slips are only saved to files.
    public var printCommand: [String]?
    /// Working days a ready result may wait for its citizen before the desk lists it to phone
    /// (`dossier uncollected`, the register's `u`).
    public var uncollectedAfterDays = 5
    /// The layout this profile was written with; fields added later decode to their defaults.
    public var version: Int = DeskProfile.currentVersion

    public static let currentVersion = 5

    public init(province: String = "Tỉnh (chưa cài đặt)", commune: String = "Xã (chưa cài đặt)",
                deskName: String = "Bộ phận Một cửa", deskCode: String = "MC", counters: Int = 2,
                defaultCutoffMinute: Int? = nil, priority: PriorityPolicy = PriorityPolicy(),
                priorityRuleSource: String? = nil) {
        self.province = province; self.commune = commune; self.deskName = deskName
        self.deskCode = deskCode; self.counters = counters; self.defaultCutoffMinute = defaultCutoffMinute
        self.priority = priority; self.priorityRuleSource = priorityRuleSource
    }

    enum CodingKeys: String, CodingKey {
        case province, commune, deskName, deskCode, counters, defaultCutoffMinute, priority, priorityRuleSource, clerks, appointments
        case printCommand, uncollectedAfterDays, version
    }

    /// Field by field, each missing field taking its default: a profile saved by an older version
    /// (or missing a field added later, such as a printer) keeps everything it has, instead of
    /// resetting the desk to "MC, 2 counters". A field present with a wrong type is an error.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = DeskProfile()
        province = try c.decodeIfPresent(String.self, forKey: .province) ?? d.province
        commune = try c.decodeIfPresent(String.self, forKey: .commune) ?? d.commune
        deskName = try c.decodeIfPresent(String.self, forKey: .deskName) ?? d.deskName
        deskCode = try c.decodeIfPresent(String.self, forKey: .deskCode) ?? d.deskCode
        counters = try c.decodeIfPresent(Int.self, forKey: .counters) ?? d.counters
        defaultCutoffMinute = try c.decodeIfPresent(Int.self, forKey: .defaultCutoffMinute)
        priority = try c.decodeIfPresent(PriorityPolicy.self, forKey: .priority) ?? d.priority
        priorityRuleSource = try c.decodeIfPresent(String.self, forKey: .priorityRuleSource)
        clerks = try c.decodeIfPresent([String].self, forKey: .clerks) ?? []
        appointments = try c.decodeIfPresent(AppointmentSettings.self, forKey: .appointments) ?? AppointmentSettings()
        printCommand = try c.decodeIfPresent([String].self, forKey: .printCommand)
        uncollectedAfterDays = try c.decodeIfPresent(Int.self, forKey: .uncollectedAfterDays) ?? d.uncollectedAfterDays
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 1
    }

    /// "Bộ phận Một cửa — Xã Tân Phú, Tỉnh Đồng Nai"
    public var title: String { "\(deskName) — \(commune), \(province)" }

    /// The uncollected limit: 0 (list every ready result) to 60 working days.
    public static func validateUncollectedDays(_ days: Int) throws -> Int {
        guard (0...60).contains(days) else {
            throw FieldError(field: "uncollected_days", label: Localized(vi: "Số ngày chờ nhận kết quả", en: "Days a result waits"),
                             problem: Localized(vi: "\(days) không hợp lệ; từ 0 đến 60 ngày làm việc", en: "\(days) is not valid; 0 to 60 working days"))
        }
        return days
    }

    public static func validateDeskCode(_ raw: String) throws -> String {
        let code = raw.trimmingCharacters(in: .whitespaces).uppercased()
        guard (2...8).contains(code.count), code.allSatisfy({ ($0.isASCII && $0.isLetter) || ($0.isASCII && $0.isNumber) }) else {
            throw FieldError(field: "desk_code", label: Localized(vi: "Mã bộ phận", en: "Desk code"),
                             problem: Localized(vi: "'\(raw)' không hợp lệ; cần 2–8 chữ cái không dấu hoặc chữ số, ví dụ XTP",
                                                en: "'\(raw)' is not valid; expected 2–8 plain letters or digits, e.g. XTP"))
        }
        return code
    }

    public func validateCounter(_ n: Int) throws -> Int {
        guard (1...counters).contains(n) else {
            throw FieldError(field: "counter", label: Localized(vi: "Quầy", en: "Counter"),
                             problem: Localized(vi: "phải từ 1 đến \(counters)", en: "must be between 1 and \(counters)"))
        }
        return n
    }
}

import Foundation
