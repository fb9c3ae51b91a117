/// How the result of a dossier reaches the citizen (trả kết quả tại quầy / qua bưu chính /
/// tại nhà). A procedure lists the ways it allows; the dossier records the one chosen.
public enum Delivery: String, Hashable, Sendable, Codable, CaseIterable {
    case desk, post, home

    public var label: Localized {
        switch self {
        case .desk: return Localized(vi: "Tại quầy", en: "At the desk")
        case .post: return Localized(vi: "Qua bưu chính", en: "By post")
        case .home: return Localized(vi: "Tại nhà", en: "At home")
        }
    }
}

/// The unit a legal processing time is counted in. Most procedure texts say "ngày làm việc",
/// some say plain "ngày" (nuôi con nuôi trong nước: 30 ngày, Luật Nuôi con nuôi 2010; hòa giải
/// tranh chấp đất đai: không quá 30 ngày, Luật Đất đai 2024 Điều 235), and the two give very
/// different due dates across Tết, so the catalog says which one each row means.
public enum ProcessingUnit: String, Hashable, Sendable, Codable, CaseIterable {
    /// Ngày làm việc: only working days of the working calendar count.
    case workingDays = "working-days"
    /// Ngày (calendar days): every day counts; see `DueDateRule` for where the count ends.
    case days

    /// The CSV cell: empty means working days, so catalog files written before the column existed
    /// keep their meaning. A few spellings a supervisor is likely to type are accepted too.
    public init?(csv text: String) {
        switch VietnameseText.fold(text) {
        case "", "working-days", "working days", "workingdays", "ngay lam viec", "lv", "nlv": self = .workingDays
        case "days", "calendar-days", "calendar days", "ngay": self = .days
        default: return nil
        }
    }
}

/// One administrative procedure (thủ tục hành chính) of the commune's catalog. Everything a law
/// can change (processing time, cut-off, fee, validity period) is data here, never code, so a new
/// rule is a new catalog row with its own effective dates.
public struct Procedure: Hashable, Sendable, Codable {
    /// Short uppercase code printed on tickets and receipts, e.g. `HT-KS`.
    public var code: String
    /// Official name, NFC (e.g. "Đăng ký khai sinh").
    public var name: String
    /// Lĩnh vực, e.g. "Hộ tịch", "Chứng thực".
    public var field: String
    /// Legal processing time, in `processingUnit`; 0 = returned the same day.
    public var processingDays: Int
    /// Whether `processingDays` counts working days (the default) or calendar days.
    public var processingUnit: ProcessingUnit
    /// A request received after this minute of the day counts from the next working day
    /// (e.g. 900 = 15:00 for chứng thực and hộ tịch). Nil = no cut-off in the procedure.
    public var cutoffMinuteOfDay: Int?
    /// Fee in VND collected at reception; 0 when free or when `feeNote` says how it is set.
    public var fee: Int
    /// How the fee is computed or who sets it (per page, province resolution, exemptions).
    public var feeNote: String
    public var deliveries: Set<Delivery>
    /// First day the row applies, inclusive; nil = since always.
    public var effectiveFrom: LocalDate?
    /// Last day the row applies, inclusive; nil = until replaced.
    public var effectiveTo: LocalDate?
    /// The laws the row rests on, as plain text.
    public var legalBasis: String
    /// What is still to be confirmed about the row, or anything else the supervisor should know
    /// ("cần xác nhận …"): a figure that could not be checked is flagged here, never silently guessed.
    public var note: String
    /// The papers a complete dossier usually holds (thành phần hồ sơ), offered at reception and
    /// edited there; empty when the catalog does not list them.
    public var documents: [ReceivedDocument]

    public init(code: String, name: String, field: String, processingDays: Int, processingUnit: ProcessingUnit = .workingDays,
                cutoffMinuteOfDay: Int?, fee: Int, feeNote: String, deliveries: Set<Delivery>, effectiveFrom: LocalDate?,
                effectiveTo: LocalDate?, legalBasis: String, note: String = "", documents: [ReceivedDocument] = []) {
        self.code = code; self.name = name; self.field = field; self.processingDays = processingDays
        self.processingUnit = processingUnit
        self.cutoffMinuteOfDay = cutoffMinuteOfDay; self.fee = fee; self.feeNote = feeNote
        self.deliveries = deliveries; self.effectiveFrom = effectiveFrom; self.effectiveTo = effectiveTo
        self.legalBasis = legalBasis; self.note = note; self.documents = documents
    }

    private enum CodingKeys: String, CodingKey {
        case code, name, field, processingDays, processingUnit, cutoffMinuteOfDay, fee, feeNote, deliveries
        case effectiveFrom, effectiveTo, legalBasis, note, documents
    }

    /// Written by hand so JSON made before `processingUnit`, `note` and `documents` existed still decodes
    /// (as working days, no note), the same default the CSV reader uses.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        field = try c.decode(String.self, forKey: .field)
        processingDays = try c.decode(Int.self, forKey: .processingDays)
        processingUnit = try c.decodeIfPresent(ProcessingUnit.self, forKey: .processingUnit) ?? .workingDays
        cutoffMinuteOfDay = try c.decodeIfPresent(Int.self, forKey: .cutoffMinuteOfDay)
        fee = try c.decode(Int.self, forKey: .fee)
        feeNote = try c.decode(String.self, forKey: .feeNote)
        deliveries = try c.decode(Set<Delivery>.self, forKey: .deliveries)
        effectiveFrom = try c.decodeIfPresent(LocalDate.self, forKey: .effectiveFrom)
        effectiveTo = try c.decodeIfPresent(LocalDate.self, forKey: .effectiveTo)
        legalBasis = try c.decode(String.self, forKey: .legalBasis)
        note = try c.decodeIfPresent(String.self, forKey: .note) ?? ""
        documents = try c.decodeIfPresent([ReceivedDocument].self, forKey: .documents) ?? []
    }

    /// Search key of the name (`VietnameseText.fold`).
    public var foldedName: String { VietnameseText.fold(name) }

    /// Whether the row is in force on `date` (both ends inclusive).
    public func isActive(on date: LocalDate) -> Bool {
        if let from = effectiveFrom, date < from { return false }
        if let to = effectiveTo, date > to { return false }
        return true
    }

    /// Among the versions of one procedure (the same code, different `effectiveFrom`), the one in
    /// force on `day`: the latest `effectiveFrom ≤ day` (nil = since always) whose `effectiveTo`
    /// is nil or ≥ day. A new version therefore replaces the old one from its first day without
    /// the old one needing an end date. Nil when none is in force that day.
    public static func version(in versions: [Procedure], on day: LocalDate) -> Procedure? {
        versions.filter { $0.isActive(on: day) }
            .max { $0.fromOrder < $1.fromOrder }
    }

    /// What identifies a version in a catalog: the code and the effective-from date.
    public var versionKey: String { code + "@" + (effectiveFrom?.iso ?? "") }

    /// `effectiveFrom` as a number for ordering versions, "since always" first.
    public var fromOrder: Int { effectiveFrom?.julianDay ?? Int.min }

    /// The version that stands for the code on `day` in lists and in the `procedures` table: the
    /// one in force, else the next to come into force, else the last that was. Nil only for no versions.
    public static func current(in versions: [Procedure], on day: LocalDate) -> Procedure? {
        if let inForce = version(in: versions, on: day) { return inForce }
        if let next = versions.filter({ $0.fromOrder > day.julianDay })
            .min(by: { $0.fromOrder < $1.fromOrder }) { return next }
        return versions.max { $0.fromOrder < $1.fromOrder }
    }

    /// The row says a figure is still to be confirmed ("cần xác nhận", in `note` or `feeNote`, the
    /// catalog's convention), so a list can flag it instead of presenting it as settled.
    public var needsConfirmation: Bool {
        VietnameseText.fold(note + " " + feeNote).contains("can xac nhan")
    }

    /// `15:00`, or nil when there is no cut-off.
    public var cutoffText: String? {
        cutoffMinuteOfDay.map { m in
            let h = m / 60, mm = m % 60
            return (h < 10 ? "0\(h)" : "\(h)") + ":" + (mm < 10 ? "0\(mm)" : "\(mm)")
        }
    }

    /// "Trong ngày" / "3 ngày làm việc" / "30 ngày", as the receipt prints it.
    public var processingText: Localized {
        let n = processingDays, s = n == 1 ? "" : "s"
        if n == 0 { return Localized(vi: "Trong ngày", en: "Same day") }
        switch processingUnit {
        case .workingDays: return Localized(vi: "\(n) ngày làm việc", en: "\(n) working day\(s)")
        case .days: return Localized(vi: "\(n) ngày", en: "\(n) day\(s)")
        }
    }

    /// The short form for tables: "trong ngày" / "3 ngày LV" / "30 ngày".
    public var processingShortText: Localized {
        let n = processingDays
        if n == 0 { return Localized(vi: "trong ngày", en: "same day") }
        switch processingUnit {
        case .workingDays: return Localized(vi: "\(n) ngày LV", en: "\(n) working day" + (n == 1 ? "" : "s"))
        case .days: return Localized(vi: "\(n) ngày", en: "\(n) day" + (n == 1 ? "" : "s"))
        }
    }
}
