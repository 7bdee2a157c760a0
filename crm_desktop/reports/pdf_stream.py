"""A reportlab canvas that writes each finished page to the file at once: big PDFs, flat memory.

reportlab keeps every page of a document in memory until ``save()`` and then
builds the whole file as one bytes object, so a 20,000-page customer list
needs gigabytes. :class:`StreamingCanvas` writes a page — its dictionary and
its content stream — as soon as the page is finished and keeps only its
object number and offset. What every page shares (fonts, the page tree, the
catalog) is written at the end as usual, then the cross-reference table.

"Page N of M" needs M, known only at the end. Each page shows a form XObject
of its own (a few bytes) whose object number is reserved when the page is
written; its content, the page-number text, is drawn once M is known. The
file reads the same as reportlab's own: same objects, other order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, Any

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

# Draws what a page shows once the page count is known: (canvas, page number, page count).
PageNumberPainter = Callable[[Canvas, int, int], None]


class _InFile(pdfdoc.PDFObject):
    """Stands for an object already written: only its number and offset are kept."""


class _Reserved(pdfdoc.PDFObject):
    """Holds an object number for a form that is drawn later (a page's "of M")."""


_IN_FILE = _InFile()


class StreamingDocument(pdfdoc.PDFDocument):
    """reportlab's PDFDocument, writing pages to ``path`` as they are added."""

    def __init__(self, path: str, **kwargs: Any):
        super().__init__(**kwargs)
        self._file: IO[bytes] = open(path, "wb")  # noqa: SIM115 (closed by save or close)
        self._offset = 0
        self._header_version = self._pdfVersion
        # The same header as reportlab's PDFFile (the high bytes mark the file as binary).
        self._write(
            pdfdoc.pdfdocEnc("%PDF-{}.{}".format(*self._pdfVersion))
            + b"\n%\223\214\213\236 ReportLab Generated PDF document (opensource)\n"
        )

    def _write(self, data: bytes) -> int:
        offset = self._offset
        self._file.write(data)
        self._offset += len(data)
        return offset

    def _write_object(self, name: str) -> None:
        obj = self.idToObject[name]
        if not rl_config.invariant and rl_config.pdfComments:
            self._write(pdfdoc.pdfdocEnc(f"% {name!a}: class {obj.__class__.__name__[:50]} \n"))
        data = pdfdoc.PDFIndirectObject(name, obj).format(self)
        self.idToOffset[name] = self._write(data)
        self.idToObject[name] = _IN_FILE

    def reserve(self, name: str) -> None:
        """Give ``name`` its object number now; :meth:`addForm` fills it in later."""
        if name not in self.idToObject:
            self.Reference(_Reserved(), name)

    def addForm(self, name: str, form: Any) -> None:  # reportlab's name
        internal = pdfdoc.xObjectName(name)
        if not isinstance(self.idToObject.get(internal), _Reserved):
            super().addForm(name, form)
            return
        form.__InternalName__ = internal
        self.idToObject[internal] = form
        self.inObject = None
        self._write_object(internal)

    def addPage(self, page: Any) -> None:  # reportlab's name
        super().addPage(page)
        name = page.__InternalName__
        self._write_object(name)  # formatting the page registers its content stream
        self._write_object(page.Contents.__InternalName__)
        # The page tree needs only the page's reference; the page and its stream can go.
        self.Pages.pages[-1] = pdfdoc.PDFObjectReference(name)

    def SaveToFile(self, filename: Any, canvas: Canvas) -> None:  # reportlab's name
        """Write what is not yet in the file, the cross-reference table and the trailer."""
        try:
            self._finish(canvas)
        finally:
            self._file.close()

    def close(self) -> None:
        """Close the file without finishing it (after a failure; the caller removes it)."""
        self._file.close()

    def _finish(self, canvas: Canvas) -> None:
        # What reportlab's GetPDFData and format do, writing to the file as it goes.
        for font in self.delayedFonts:
            font.addObjects(self)
        self.info.invariant = self.invariant
        self.info.digest(self.signature)
        self.Reference(self.Catalog)
        self.Reference(self.info)
        self.Outlines.prepare(self, canvas)
        if self.Outlines.ready < 0:
            self.Catalog.Outlines = None
        if self._pdfVersion > self._header_version:  # a feature asked for a newer version
            self.Catalog.Version = pdfdoc.PDFName("{}.{}".format(*self._pdfVersion))
        self.encrypt.prepare(self)
        catalog = self.Reference(self.Catalog)
        info = self.Reference(self.info)
        encrypt_info = self.encrypt.info()
        encrypt_ref = self.Reference(encrypt_info) if encrypt_info else None
        ids = []
        number = 0
        # Formatting may register new objects (a font's widths): loop until none is left.
        while number + 1 in self.numberToId:
            number += 1
            name = self.numberToId[number]
            obj = self.idToObject[name]
            if isinstance(obj, _Reserved):
                raise ValueError(f"the form {name} was reserved but never drawn")
            if obj is not _IN_FILE:
                self._write_object(name)
            ids.append(name)
        if number != len(self.numberToId):
            raise ValueError("object numbers are not contiguous")
        xref = pdfdoc.PDFCrossReferenceTable()
        xref.addsection(0, ids)
        start = self._write(xref.format(self))
        trailer = pdfdoc.PDFTrailer(
            startxref=start,
            Size=number + 1,
            Root=catalog,
            Info=info,
            Encrypt=encrypt_ref,
            ID=self.ID(),
        )
        self._write(trailer.format(self))


class StreamingCanvas(Canvas):
    """A canvas whose pages go to the file as they end; "of M" is filled in at the end.

    ``page_number`` (set by :func:`streaming_canvas`) draws what needs the page
    count; it is drawn into a form of its own per page.
    """

    page_number: PageNumberPainter | None = None

    def __init__(self, filename: str, **kwargs: Any):
        super().__init__(filename, **kwargs)
        # The document the canvas made keeps pages in memory: use ours, set up the same way.
        invariant = kwargs.get("invariant")
        self._doc = StreamingDocument(
            str(filename),
            compression=kwargs.get("pageCompression"),
            invariant=rl_config.invariant if invariant is None else invariant,
            pdfVersion=kwargs.get("pdfVersion") or pdfdoc.PDF_VERSION_DEFAULT,
            lang=kwargs.get("lang"),
        )
        self.setEncrypt(kwargs.get("encrypt"))
        self._page_sizes: list[tuple[float, float]] = []

    @staticmethod
    def _form_name(number: int) -> str:
        return f"crmPageNumber{number}"

    def showPage(self) -> None:  # reportlab's name
        if self.page_number is not None:
            number = len(self._page_sizes) + 1
            name = self._form_name(number)
            self._doc.reserve(pdfdoc.xObjectName(name))
            self.saveState()
            self.doForm(name)
            self.restoreState()
            self._page_sizes.append(self._pagesize)
        super().showPage()

    def save(self) -> None:  # reportlab's name
        if len(self._code):
            self.showPage()
        total = len(self._page_sizes)
        if self.page_number is not None:
            for number, (width, height) in enumerate(self._page_sizes, start=1):
                self.beginForm(self._form_name(number), 0, 0, width, height)
                self.page_number(self, number, total)
                self.endForm()
        self._doc.SaveToFile(self._filename, self)

    def abandon(self) -> None:
        """Close the unfinished file (a failure or a cancel; the caller deletes it)."""
        doc = self._doc
        if isinstance(doc, StreamingDocument):
            doc.close()


def streaming_canvas(page_number: PageNumberPainter) -> type[StreamingCanvas]:
    """A canvas class for platypus ``build(canvasmaker=…)`` drawing ``page_number`` on each page."""
    members = {"page_number": staticmethod(page_number)}
    return type("PageNumberedCanvas", (StreamingCanvas,), members)
