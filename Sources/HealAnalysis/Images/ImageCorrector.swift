import Foundation

/// Suggests the image that was probably meant when a pull fails: the known-typo tables first,
/// then the closest well-known image or image already running in the cluster by edit distance.
package enum ImageCorrector {
    /// For a tag that does not exist: a misspelled tag, or a tag of the same repository that
    /// runs elsewhere in the cluster and is one or two edits away.
    package static func correctTag(of image: String, runningImages: Set<String>) -> ImageSuggestion? {
        let reference = ImageReference(image)
        guard let tag = reference.tag else { return nil }
        if let intended = KnownImages.tagTypos[tag.lowercased()], intended != tag {
            return ImageSuggestion(image: reference.with(tag: intended), basis: .knownTypo, confidence: 0.95)
        }
        let siblings = runningImages.map(ImageReference.init).filter {
            $0.shortRepository == reference.shortRepository && $0.registry == reference.registry && $0.tag != nil && $0.tag != tag
        }
        let closest = siblings.map { ($0, EditDistance.between($0.tag ?? "", tag)) }
            .filter { $0.1 <= 2 }
            .min { ($0.1, $0.0.original) < ($1.1, $1.0.original) }
        guard let (sibling, _) = closest else { return nil }
        return ImageSuggestion(image: reference.with(tag: sibling.tag), basis: .runningImage, confidence: 0.7)
    }

    /// For a repository that does not exist: the known misspelling, else the nearest repository
    /// (distance ≤ 2, and shorter than the name itself) among well-known and running images.
    /// A misspelled tag is fixed on the way.
    package static func correctRepository(of image: String, runningImages: Set<String>, knownTyposOnly: Bool = false) -> ImageSuggestion? {
        let reference = ImageReference(image)
        let name = reference.shortRepository
        let fixedTag = reference.tag.flatMap { KnownImages.tagTypos[$0.lowercased()] } ?? reference.tag
        if let intended = KnownImages.repositoryTypos[name.lowercased()] {
            return ImageSuggestion(image: reference.with(repository: intended, tag: fixedTag), basis: .knownTypo, confidence: 0.95)
        }
        guard !knownTyposOnly else { return nil }
        let running = runningImages.map(ImageReference.init).filter { $0.registry == reference.registry }.map(\.shortRepository)
        var best: (repository: String, distance: Int, basis: ImageSuggestion.Basis)?
        for (candidates, basis) in [(KnownImages.wellKnownRepositories, ImageSuggestion.Basis.wellKnownImage), (running, .runningImage)] {
            for candidate in candidates where candidate != name {
                let distance = EditDistance.between(candidate, name)
                guard distance <= min(2, name.count / 3) else { continue }
                if best.map({ distance < $0.distance }) ?? true {
                    best = (candidate, distance, basis)
                }
            }
        }
        guard let best else { return nil }
        return ImageSuggestion(
            image: reference.with(repository: best.repository, tag: fixedTag), basis: best.basis,
            confidence: best.distance == 1 ? 0.8 : 0.6)
    }

    /// For a reference the runtime cannot parse: registry and repository lower-cased (the tag is
    /// case-sensitive and stays), when that is all that is wrong.
    package static func correctSyntax(of image: String) -> ImageSuggestion? {
        let trimmed = image.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.contains(" ") else { return nil }
        var reference = ImageReference(trimmed)
        reference.registry = reference.registry?.lowercased()
        let corrected = reference.with(repository: reference.repository.lowercased())
        guard corrected != image else { return nil }
        return ImageSuggestion(image: corrected, basis: .lowercase, confidence: 0.9)
    }
}
