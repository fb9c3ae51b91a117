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

    public init(province: String = "Tỉnh (chưa cài đặt)", commune: String = "Xã (chưa cài đặt)",
                deskName: String = "Bộ phận Một cửa", deskCode: String = "MC", counters: Int = 2,
                defaultCutoffMinute: Int? = nil, priority: PriorityPolicy = PriorityPolicy(),
                priorityRuleSource: String? = nil) {
        self.province = province; self.commune = commune; self.deskName = deskName
        self.deskCode = deskCode; self.counters = counters; self.defaultCutoffMinute = defaultCutoffMinute
        self.priority = priority; self.priorityRuleSource = priorityRuleSource
    }

    /// "Bộ phận Một cửa — Xã Tân Phú, Tỉnh Đồng Nai"
    public var title: String { "\(deskName) — \(commune), \(province)" }

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
