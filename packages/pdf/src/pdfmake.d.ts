// pdfmake 0.3 ships no types for its Node entry: the part Livret uses.
declare module 'pdfmake' {
  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  const pdfmake: {
    virtualfs: { writeFileSync(name: string, content: Buffer | Uint8Array): void };
    setFonts(fonts: Record<string, Record<string, string>>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    setProgressCallback(callback: ((fraction: number) => void) | undefined): void;
    createPdf(definition: unknown): OutputDocument;
  };
  export default pdfmake;
}
