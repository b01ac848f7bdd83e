package dev.backman.filesystem.scan;

class UnixAttributeReaderTest extends AttributeReaderContract {

    @Override
    AttributeReader reader() {
        return new UnixAttributeReader();
    }
}
