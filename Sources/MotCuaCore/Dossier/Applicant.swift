/// A citizen or organisation that comes to the desk. `searchKey` is the folded name, ID and phone
/// so that one indexed column answers "ng hong su", "0912", "0010".
public struct Applicant: Hashable, Sendable, Codable {
    public var id: Int64?
    public var name: String
    public var idNumber: String?
    public var phone: String?
    public var address: String?

    public init(id: Int64? = nil, name: String, idNumber: String? = nil, phone: String? = nil, address: String? = nil) {
        self.id = id; self.name = name; self.idNumber = idNumber; self.phone = phone; self.address = address
    }

    public var searchKey: String {
        ([VietnameseText.fold(name)] + [idNumber, phone].compactMap { $0 }).joined(separator: " ")
    }
}
