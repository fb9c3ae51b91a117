/// What the dossier keeps of its procedure as the catalog had it on the day of receipt: the
/// slips and reports must show that, even after the catalog changes (a new Luật Hộ tịch from
/// 01/03/2027, a fee set anew by the province).
public struct ProcedureSnapshot: Hashable, Sendable, Codable {
    public var name: String
    public var field: String
    public var processingDays: Int
    public var processingUnit: ProcessingUnit
    public var cutoffMinuteOfDay: Int?
    public var fee: Int
    public var feeNote: String
    public var legalBasis: String

    public init(_ p: Procedure) {
        name = p.name; field = p.field; processingDays = p.processingDays; processingUnit = p.processingUnit
        cutoffMinuteOfDay = p.cutoffMinuteOfDay; fee = p.fee; feeNote = p.feeNote; legalBasis = p.legalBasis
    }
}
