import { render } from 'preact';
render(<p>Jianbao</p>, document.getElementById('app')!);
